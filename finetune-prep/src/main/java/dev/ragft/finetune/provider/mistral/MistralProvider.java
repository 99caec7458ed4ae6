package dev.ragft.finetune.provider.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameter;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.provider.http.Fields;
import dev.ragft.finetune.provider.http.JsonHttp;
import dev.ragft.finetune.provider.http.RemoteProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mistral fine-tuning, following the documented REST API
 * (<a href="https://docs.mistral.ai/api/">API reference</a>, published as
 * <a href="https://github.com/mistralai/platform-docs-public/blob/main/openapi.yaml">an OpenAPI
 * document</a>: operations {@code files_api_routes_upload_file} and
 * {@code jobs_api_routes_fine_tuning_*}):
 * {@code POST /v1/files} (multipart, {@code purpose=fine-tune}), {@code POST /v1/fine_tuning/jobs}
 * with {@code auto_start}, {@code GET /v1/fine_tuning/jobs/{id}} (whose answer also carries the
 * job's events and checkpoints) and {@code POST .../cancel}. Mistral's published OpenAPI document
 * (August 2026) files these job endpoints under "(deprecated) Fine Tuning"; they are still the
 * documented way to fine-tune through the API.
 *
 * <p>Mistral takes an absolute learning rate and a suffix of at most {@value #SUFFIX_LIMIT}
 * characters; it offers supervised fine-tuning only, without batch size, LoRA rank or seed.
 *
 * <p>Crash recovery: uploads are named {@code ragft-<client key>-<purpose>.jsonl} and found with the
 * documented file search; a job is recognised by its training file id, which belongs to this
 * submission alone (Mistral documents no idempotency key or job metadata).
 */
public final class MistralProvider extends RemoteProvider {

  /** The longest suffix Mistral accepts. */
  public static final int SUFFIX_LIMIT = 18;

  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 20;
  private static final Capabilities CAPABILITIES = new Capabilities(
      EnumSet.of(TrainingMethod.SFT),
      EnumSet.of(Hyperparameter.EPOCHS, Hyperparameter.LEARNING_RATE),
      true, true, true);

  /** Creates the provider over a client for the API's base URL ({@code https://api.mistral.ai}). */
  public MistralProvider(String name, JsonHttp http) {
    super(name, http, CAPABILITIES);
  }

  @Override
  public List<String> preflight(JobSpec spec) {
    CAPABILITIES.check(name, spec);
    if (spec.suffix() != null && spec.suffix().length() > SUFFIX_LIMIT) {
      throw new UnsupportedFeatureException("provider '" + name + "' accepts a suffix of at most "
          + SUFFIX_LIMIT + " characters, but '" + spec.suffix() + "' has "
          + spec.suffix().length() + ".");
    }
    return List.of();
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    return uploadFile("/v1/files", file, clientKey, purpose, Map.of());
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    return listedUpload(http.get("/v1/files?purpose=fine-tune&page_size=" + PAGE_SIZE + "&search="
        + Fields.encode(uploadName(clientKey, purpose))), "GET /v1/files", clientKey, purpose,
        file -> true);
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    Hyperparameters settings = request.hyperparameters();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", request.baseModel());
    body.putArray("training_files").addObject()
        .put("file_id", request.trainingFile().id())
        .put("weight", 1.0);
    if (request.validationFile() != null) {
      body.putArray("validation_files").add(request.validationFile().id());
    }
    ObjectNode parameters = body.putObject("hyperparameters");
    if (settings.epochs() != null) {
      parameters.put("epochs", settings.epochs());
    }
    if (settings.learningRate() != null) {
      parameters.put("learning_rate", settings.learningRate());
    }
    if (request.suffix() != null) {
      body.put("suffix", request.suffix());
    }
    body.put("auto_start", true);
    JsonNode job = http.post("/v1/fine_tuning/jobs", body, JsonHttp.Repeat.ONCE);
    return created(job, "POST /v1/fine_tuning/jobs");
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    String trainingId = request.trainingFile().id();
    int seen = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      String path = "/v1/fine_tuning/jobs?created_by_me=true&page_size=" + PAGE_SIZE + "&page="
          + page;
      JsonNode answer = http.get(path);
      JsonNode jobs = Fields.array(answer, "data", name, "GET " + path);
      for (JsonNode job : jobs) {
        for (JsonNode file : job.path("training_files")) {
          String id = file.isTextual() ? file.asText() : Fields.optText(file, "file_id");
          if (trainingId.equals(id)) {
            return Optional.of(created(job, "GET " + path));
          }
        }
      }
      seen += jobs.size();
      if (jobs.isEmpty() || seen >= answer.path("total").asInt(seen)) {
        break;
      }
    }
    return Optional.empty();
  }

  @Override
  public JobState status(JobHandle job) {
    return stateAt(jobPath(job.id()));
  }

  @Override
  public List<JobEvent> events(JobHandle job) {
    String path = jobPath(job.id());
    String what = "GET " + path;
    List<JobEvent> events = new ArrayList<>();
    for (JsonNode event : http.get(path).path("events")) {
      JsonNode data = event.path("data");
      String message = Fields.text(event, "name", name, what)
          + (data.isObject() && !data.isEmpty() ? " " + data : "");
      events.add(new JobEvent(Fields.time(event, "created_at", name, what), "info", message));
    }
    events.sort(Comparator.comparing(JobEvent::time));
    return events;
  }

  @Override
  public List<Checkpoint> checkpoints(JobHandle job) {
    String path = jobPath(job.id());
    String what = "GET " + path;
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode checkpoint : http.get(path).path("checkpoints")) {
      checkpoints.add(new Checkpoint(checkpoint.path("step_number").asLong(), null,
          Fields.time(checkpoint, "created_at", name, what), metrics(checkpoint)));
    }
    checkpoints.sort(Comparator.comparingLong(Checkpoint::step));
    return checkpoints;
  }

  @Override
  public JobState cancel(JobHandle job) {
    return stateAfterPost(jobPath(job.id()) + "/cancel");
  }

  private static String jobPath(String jobId) {
    return "/v1/fine_tuning/jobs/" + Fields.encode(jobId);
  }

  @Override
  protected JobState state(JsonNode job, String what) {
    String status = Fields.text(job, "status", name, what);
    return switch (status) {
      case "QUEUED", "STARTED" -> new JobState.Queued();
      case "VALIDATING", "VALIDATED" -> new JobState.Validating();
      case "RUNNING" -> new JobState.Running(null, null);
      case "CANCELLATION_REQUESTED" -> new JobState.Running(null, "cancellation requested");
      case "SUCCESS" -> new JobState.Succeeded(Fields.text(job, "fine_tuned_model", name, what),
          null);
      case "FAILED_VALIDATION" -> new JobState.Failed(
          "the training data failed Mistral's validation" + lastEvent(job));
      case "FAILED" -> new JobState.Failed("Mistral reported FAILED" + lastEvent(job));
      case "CANCELLED" -> new JobState.Cancelled();
      default -> throw unknown("status", status, what);
    };
  }

  /** The newest event (the last of equally new ones), as a parenthesised suffix. */
  private static String lastEvent(JsonNode job) {
    JsonNode events = job.path("events");
    if (!events.isArray() || events.isEmpty()) {
      return "";
    }
    JsonNode last = events.get(0);
    for (JsonNode event : events) {
      if (event.path("created_at").asLong() >= last.path("created_at").asLong()) {
        last = event;
      }
    }
    JsonNode data = last.path("data");
    return " (last event: " + last.path("name").asText("?")
        + (data.isObject() && !data.isEmpty() ? " " + data : "") + ")";
  }
}
