package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mistral's documented files and fine-tuning job endpoints, with state. */
public final class FakeMistral extends FakeApi {

  /** Route patterns, for injecting faults. */
  public static final String FILES = "/v1/files";
  public static final String JOBS = "/v1/fine_tuning/jobs";
  public static final String JOB = "/v1/fine_tuning/jobs/([^/]+)";
  public static final String CANCEL = "/v1/fine_tuning/jobs/([^/]+)/cancel";

  private final Map<String, ObjectNode> files = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();

  /** Installs the fake on {@code server}, accepting only {@code key}. */
  public FakeMistral(LoopbackServer server, String key) {
    super(server, key);
    route("POST", FILES, (request, path) -> {
      List<MultipartParser.Part> parts = request.parts();
      ObjectNode file = object()
          .put("id", uuid("file", files.size() + 1))
          .put("object", "file")
          .put("bytes", parts.get(parts.size() - 1).content().length)
          .put("created_at", 1_790_000_000L)
          .put("filename", parts.get(parts.size() - 1).filename())
          .put("purpose", parts.get(0).text())
          .put("sample_type", "instruct")
          .put("source", "upload");
      files.put(file.get("id").asText(), file);
      return Response.json(200, file);
    });
    route("GET", FILES, (request, path) -> {
      ArrayNode data = array();
      String search = request.params().get("search");
      files.values().stream()
          .filter(file -> search == null || file.path("filename").asText().contains(search))
          .forEach(data::add);
      return Response.json(200, object().put("object", "list").put("total", data.size())
          .set("data", data));
    });
    route("POST", JOBS, (request, path) -> {
      JsonNode body = request.json();
      String id = uuid("job", jobs.size() + 1);
      ArrayNode training = array();
      body.path("training_files").forEach(file -> training.add(file.path("file_id").asText()));
      ObjectNode job = object()
          .put("id", id)
          .put("object", "job")
          .put("job_type", "completion")
          .put("auto_start", body.path("auto_start").asBoolean())
          .put("model", body.path("model").asText())
          .put("status", "QUEUED")
          .put("created_at", 1_790_000_000L)
          .put("modified_at", 1_790_000_000L);
      job.set("training_files", training);
      job.set("hyperparameters", body.path("hyperparameters"));
      job.putNull("fine_tuned_model");
      job.set("events", array());
      job.set("checkpoints", array());
      jobs.put(id, job);
      return Response.json(200, job);
    });
    route("GET", JOBS, (request, path) -> {
      int page = Integer.parseInt(request.params().getOrDefault("page", "0"));
      int size = Integer.parseInt(request.params().getOrDefault("page_size", "100"));
      ArrayNode data = array();
      jobs.values().stream().skip((long) page * size).limit(size).forEach(job -> {
        ObjectNode summary = job.deepCopy();
        summary.remove("events");
        summary.remove("checkpoints");
        data.add(summary);
      });
      return Response.json(200, object().put("object", "list").put("total", jobs.size())
          .set("data", data));
    });
    route("GET", JOB, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      return job == null ? notFound(path.group(1)) : Response.json(200, job);
    });
    route("POST", CANCEL, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      if (job == null) {
        return notFound(path.group(1));
      }
      job.put("status", "CANCELLATION_REQUESTED");
      return Response.json(200, job);
    });
  }

  /** The base URL a provider is configured with. */
  public String baseUrl() {
    return server.uri().toString();
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

  /** A stable UUID for the n-th object of a kind. */
  public static String uuid(String kind, int n) {
    return UUID.nameUUIDFromBytes((kind + n).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static Response notFound(String id) {
    return Response.json(404, object().put("detail", "Job " + id + " not found"));
  }
}
