package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's documented files and fine-tuning endpoints, with state: uploaded files, created jobs
 * (their metadata filterable as {@code metadata[key]=value}), events and checkpoints.
 */
public final class FakeOpenAi extends FakeApi {

  /** Route patterns, for injecting faults. */
  public static final String FILES = "/v1/files";
  public static final String JOBS = "/v1/fine_tuning/jobs";
  public static final String JOB = "/v1/fine_tuning/jobs/([^/]+)";
  public static final String EVENTS = "/v1/fine_tuning/jobs/([^/]+)/events";
  public static final String CHECKPOINTS = "/v1/fine_tuning/jobs/([^/]+)/checkpoints";
  public static final String CANCEL = "/v1/fine_tuning/jobs/([^/]+)/cancel";

  private final Map<String, ObjectNode> files = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
  private final Map<String, ArrayNode> events = new LinkedHashMap<>();
  private final Map<String, ArrayNode> checkpoints = new LinkedHashMap<>();

  /** Installs the fake on {@code server}, accepting only {@code key}. */
  public FakeOpenAi(LoopbackServer server, String key) {
    super(server, key);
    route("POST", FILES, (request, path) -> {
      List<MultipartParser.Part> parts = request.parts();
      ObjectNode file = object()
          .put("id", "file-" + (files.size() + 1))
          .put("object", "file")
          .put("bytes", parts.get(parts.size() - 1).content().length)
          .put("created_at", 1_790_000_000L + files.size())
          .put("filename", parts.get(parts.size() - 1).filename())
          .put("purpose", parts.get(0).text())
          .put("status", "processed");
      files.put(file.get("id").asText(), file);
      return Response.json(200, file);
    });
    route("GET", FILES, (request, path) -> {
      ArrayNode data = array();
      files.values().stream().toList().reversed().forEach(data::add);
      return Response.json(200, object().put("object", "list").set("data", data));
    });
    route("POST", JOBS, (request, path) -> {
      JsonNode body = request.json();
      String id = "ftjob-" + (jobs.size() + 1);
      ObjectNode job = object()
          .put("id", id)
          .put("object", "fine_tuning.job")
          .put("model", body.path("model").asText())
          .put("training_file", body.path("training_file").asText())
          .put("status", "validating_files");
      job.set("metadata", body.path("metadata"));
      job.set("method", body.path("method"));
      job.putNull("fine_tuned_model");
      job.putNull("error");
      jobs.put(id, job);
      return Response.json(200, job);
    });
    route("GET", JOBS, (request, path) -> {
      ArrayNode data = array();
      Map<String, String> params = request.params();
      jobs.values().stream().toList().reversed().forEach(job -> {
        boolean match = params.entrySet().stream()
            .filter(entry -> entry.getKey().startsWith("metadata["))
            .allMatch(entry -> entry.getValue().equals(job.path("metadata").path(
                entry.getKey().substring(9, entry.getKey().length() - 1)).asText(null)));
        if (match) {
          data.add(job);
        }
      });
      return Response.json(200, object().put("object", "list").put("has_more", false)
          .set("data", data));
    });
    route("GET", JOB, (request, path) -> job(path.group(1)));
    route("GET", EVENTS, (request, path) -> Response.json(200, object().put("object", "list")
        .set("data", events.getOrDefault(path.group(1), array()))));
    route("GET", CHECKPOINTS, (request, path) -> Response.json(200, object()
        .put("object", "list").set("data", checkpoints.getOrDefault(path.group(1), array()))));
    route("POST", CANCEL, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      if (job == null) {
        return missing(path.group(1));
      }
      job.put("status", "cancelled");
      return Response.json(200, job);
    });
  }

  /** The base URL a provider is configured with. */
  public String baseUrl() {
    return server.uri() + "/v1";
  }

  /** How many files were stored. */
  public int uploads() {
    synchronized (server) {
      return files.size();
    }
  }

  /** How many jobs were created. */
  public int creations() {
    synchronized (server) {
      return jobs.size();
    }
  }

  /** Sets a job's fields, e.g. {@code status}, {@code fine_tuned_model}. */
  public void update(String id, JsonNode fields) {
    synchronized (server) {
      jobs.get(id).setAll((ObjectNode) fields);
    }
  }

  /** Sets a job's events (OpenAI lists them newest first). */
  public void events(String id, ArrayNode list) {
    synchronized (server) {
      events.put(id, list);
    }
  }

  /** Sets a job's checkpoints. */
  public void checkpoints(String id, ArrayNode list) {
    synchronized (server) {
      checkpoints.put(id, list);
    }
  }

  private Response job(String id) {
    ObjectNode job = jobs.get(id);
    return job == null ? missing(id) : Response.json(200, job);
  }

  private static Response missing(String id) {
    return Response.json(404, object().set("error", object()
        .put("message", "No fine-tuning job found with id " + id)));
  }
}
