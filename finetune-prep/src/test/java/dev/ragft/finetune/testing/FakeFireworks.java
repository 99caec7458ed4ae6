package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fireworks' documented dataset and supervised fine-tuning job endpoints, with state: datasets
 * become READY when their file is uploaded; client-chosen ids that exist already are answered 409.
 */
public final class FakeFireworks extends FakeApi {

  /** The account the fake serves. */
  public static final String ACCOUNT = "acme";
  /** Route patterns, for injecting faults. */
  public static final String DATASETS = "/v1/accounts/acme/datasets";
  public static final String DATASET = "/v1/accounts/acme/datasets/([^/:]+)";
  public static final String DATASET_UPLOAD = "/v1/accounts/acme/datasets/([^/:]+):upload";
  public static final String JOBS = "/v1/accounts/acme/supervisedFineTuningJobs";
  public static final String JOB = "/v1/accounts/acme/supervisedFineTuningJobs/([^/:]+)";
  public static final String CANCEL = "/v1/accounts/acme/supervisedFineTuningJobs/([^/:]+):cancel";

  private final Map<String, ObjectNode> datasets = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
  private int uploads;

  /** Installs the fake on {@code server}, accepting only {@code key}. */
  public FakeFireworks(LoopbackServer server, String key) {
    super(server, key);
    route("POST", DATASETS, (request, path) -> {
      String id = request.json().path("datasetId").asText();
      if (datasets.containsKey(id)) {
        return conflict("dataset " + id + " already exists");
      }
      ObjectNode dataset = object()
          .put("name", "accounts/acme/datasets/" + id)
          .put("state", "UPLOADING");
      dataset.set("userUploaded", request.json().path("dataset").path("userUploaded"));
      datasets.put(id, dataset);
      return Response.json(200, dataset);
    });
    route("POST", DATASET_UPLOAD, (request, path) -> {
      ObjectNode dataset = datasets.get(path.group(1));
      if (dataset == null) {
        return notFound("dataset " + path.group(1));
      }
      List<MultipartParser.Part> parts = request.parts();
      contents.put(path.group(1), parts.get(0).content());
      dataset.put("state", "READY");
      uploads++;
      return Response.json(200, object());
    });
    route("GET", DATASET, (request, path) -> {
      ObjectNode dataset = datasets.get(path.group(1));
      return dataset == null ? notFound("dataset " + path.group(1)) : Response.json(200, dataset);
    });
    route("POST", JOBS, (request, path) -> {
      String id = request.params().get("supervisedFineTuningJobId");
      if (jobs.containsKey(id)) {
        return conflict("supervised fine-tuning job " + id + " already exists");
      }
      JsonNode body = request.json();
      ObjectNode job = ((ObjectNode) body.deepCopy())
          .put("name", "accounts/acme/supervisedFineTuningJobs/" + id)
          .put("state", "JOB_STATE_CREATING")
          .put("createTime", "2026-11-21T10:00:00Z");
      jobs.put(id, job);
      return Response.json(200, job);
    });
    route("GET", JOB, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      return job == null ? notFound("supervised fine-tuning job " + path.group(1))
          : Response.json(200, job);
    });
    route("POST", CANCEL, (request, path) -> {
      ObjectNode job = jobs.get(path.group(1));
      if (job == null) {
        return notFound("supervised fine-tuning job " + path.group(1));
      }
      job.put("state", "JOB_STATE_CANCELLED");
      return Response.json(200, object());
    });
  }

  /** The base URL a provider is configured with. */
  public String baseUrl() {
    return server.uri().toString();
  }

  /** How many dataset files were uploaded. */
  public int uploads() {
    synchronized (server) {
      return uploads;
    }
  }

  /** How many jobs were created. */
  public int creations() {
    synchronized (server) {
      return jobs.size();
    }
  }

  /** The bytes uploaded to a dataset, or null. */
  public byte[] content(String datasetId) {
    synchronized (server) {
      return contents.get(datasetId);
    }
  }

  /** Sets a job's fields. */
  public void update(String id, JsonNode fields) {
    synchronized (server) {
      jobs.get(id).setAll((ObjectNode) fields);
    }
  }

  private static Response conflict(String message) {
    return Response.json(409, object().put("code", 6).put("message", message));
  }

  private static Response notFound(String what) {
    return Response.json(404, object().put("code", 5).put("message", what + " not found"));
  }
}
