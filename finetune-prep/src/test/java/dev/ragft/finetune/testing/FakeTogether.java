package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Together AI's documented files and fine-tunes endpoints, with state. */
public final class FakeTogether extends FakeApi {

  /** Route patterns, for injecting faults. */
  public static final String UPLOAD = "/v1/files/upload";
  public static final String FILES = "/v1/files";
  public static final String JOBS = "/v1/fine-tunes";
  public static final String JOB = "/v1/fine-tunes/([^/]+)";
  public static final String EVENTS = "/v1/fine-tunes/([^/]+)/events";
  public static final String CHECKPOINTS = "/v1/fine-tunes/([^/]+)/checkpoints";
  public static final String CANCEL = "/v1/fine-tunes/([^/]+)/cancel";

  private final Map<String, ObjectNode> files = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
  private final Map<String, ArrayNode> checkpoints = new LinkedHashMap<>();

  /** Installs the fake on {@code server}, accepting only {@code key}. */
  public FakeTogether(LoopbackServer server, String key) {
    super(server, key);
    route("POST", UPLOAD, (request, path) -> {
      List<MultipartParser.Part> parts = request.parts();
      ObjectNode file = object()
          .put("id", "file-" + (files.size() + 1) + "-together")
          .put("object", "file")
          .put("created_at", 1_790_000_000L)
          .put("filename", parts.get(1).text())
          .put("bytes", parts.get(parts.size() - 1).content().length)
          .put("purpose", parts.get(0).text())
          .put("FileType", "jsonl")
          .put("Processed", true);
      files.put(file.get("id").asText(), file);
      return Response.json(200, file);
    });
    route("GET", FILES, (request, path) -> {
      ArrayNode data = array();
      files.values().forEach(data::add);
      return Response.json(200, object().set("data", data));
    });
    route("POST", JOBS, (request, path) -> {
      JsonNode body = request.json();
      String id = "ft-" + (jobs.size() + 1) + "-together";
      ObjectNode job = object()
          .put("id", id)
          .put("status", "pending")
          .put("model", body.path("model").asText())
          .put("training_file", body.path("training_file").asText())
          .put("created_at", "2026-11-21T10:00:00Z")
          .put("updated_at", "2026-11-21T10:00:00Z");
      job.set("events", array());
      jobs.put(id, job);
      return Response.json(200, job);
    });
    route("GET", JOBS, (request, path) -> {
      ArrayNode data = array();
      jobs.values().forEach(data::add);
      return Response.json(200, object().set("data", data));
    });
    route("GET", JOB, (request, path) -> job(path.group(1)));
    route("GET", EVENTS, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      return job == null ? missing(path.group(1))
          : Response.json(200, object().set("data", job.path("events")));
    });
    route("GET", CHECKPOINTS, (request, path) -> Response.json(200, object()
        .set("data", checkpoints.getOrDefault(path.group(1), array()))));
    route("POST", CANCEL, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      if (job == null) {
        return missing(path.group(1));
      }
      job.put("status", "cancel_requested");
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

  /** Sets a job's fields. */
  public void update(String id, JsonNode fields) {
    synchronized (server) {
      jobs.get(id).setAll((ObjectNode) fields);
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
        .put("message", "fine-tune " + id + " not found").put("type", "not_found")));
  }
}
