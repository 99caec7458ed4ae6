package dev.ragft.finetune.provider.together;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Together AI fine-tuning, following the documented REST API
 * (<a href="https://docs.together.ai/reference/upload-file">upload a file</a>,
 * <a href="https://docs.together.ai/reference/get-fine-tunes-id">get job</a> and the rest of the
 * <a href="https://docs.together.ai/reference">API reference</a>, generated from
 * <a href="https://github.com/togethercomputer/openapi">Together's OpenAPI document</a>):
 * {@code POST /files/upload} (multipart,
 * {@code purpose=fine-tune}), {@code POST /fine-tunes} with {@code training_method} {@code sft} or
 * {@code dpo} and, when a LoRA rank is given, {@code training_type} {@code Lora}; then
 * {@code GET /fine-tunes/{id}}, {@code .../events}, {@code .../checkpoints},
 * {@code POST .../cancel}.
 *
 * <p>Together takes an absolute learning rate, not a multiplier. A LoRA rank needs a LoRA alpha
 * (the API requires both). With a validation file, {@code n_evals} is set to the number of epochs
 * (one evaluation per epoch; 1 when the epochs are left to Together), since Together ignores the
 * validation file otherwise.
 *
 * <p>Crash recovery: uploads are named {@code ragft-<client key>-<purpose>.jsonl} and found again by
 * listing files; a job is recognised by its training file id, which belongs to this submission
 * alone (Together documents no idempotency key or job metadata).
 */
public final class TogetherProvider extends RemoteProvider {

  private static final Capabilities CAPABILITIES = new Capabilities(
      EnumSet.of(TrainingMethod.SFT, TrainingMethod.DPO),
      EnumSet.of(Hyperparameter.EPOCHS, Hyperparameter.LEARNING_RATE, Hyperparameter.BATCH_SIZE,
          Hyperparameter.LORA_RANK, Hyperparameter.LORA_ALPHA, Hyperparameter.SEED,
          Hyperparameter.DPO_BETA),
      true, true, true);

  /** Creates the provider over a client for the API's base URL ({@code .../v1}). */
  public TogetherProvider(String name, JsonHttp http) {
    super(name, http, CAPABILITIES);
  }

  @Override
  public List<String> preflight(JobSpec spec) {
    CAPABILITIES.check(name, spec);
    Hyperparameters settings = spec.hyperparameters();
    if ((settings.loraRank() == null) != (settings.loraAlpha() == null)) {
      throw new UnsupportedFeatureException("provider '" + name + "' needs the "
          + Hyperparameter.LORA_RANK.describe() + " and the " + Hyperparameter.LORA_ALPHA.describe()
          + " together; give both or neither.");
    }
    return List.of();
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("file_name", uploadName(clientKey, purpose));
    fields.put("file_type", "jsonl");
    return uploadFile("/files/upload", file, clientKey, purpose, fields);
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    return listedUpload(http.get("/files"), "GET /files", clientKey, purpose,
        file -> "fine-tune".equals(Fields.optText(file, "purpose")));
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    Hyperparameters settings = request.hyperparameters();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", request.baseModel());
    body.put("training_file", request.trainingFile().id());
    if (request.validationFile() != null) {
      body.put("validation_file", request.validationFile().id());
      body.put("n_evals", settings.epochs() == null ? 1 : settings.epochs());
    }
    if (settings.epochs() != null) {
      body.put("n_epochs", settings.epochs());
    }
    if (settings.batchSize() != null) {
      body.put("batch_size", settings.batchSize());
    }
    if (settings.learningRate() != null) {
      body.put("learning_rate", settings.learningRate());
    }
    if (settings.seed() != null) {
      body.put("random_seed", settings.seed());
    }
    if (request.suffix() != null) {
      body.put("suffix", request.suffix());
    }
    ObjectNode method = body.putObject("training_method");
    if (request.method() == TrainingMethod.DPO) {
      method.put("method", "dpo");
      if (settings.dpoBeta() != null) {
        method.put("dpo_beta", settings.dpoBeta());
      }
    } else {
      method.put("method", "sft");
      method.put("train_on_inputs", "auto");
    }
    if (settings.loraRank() != null) {
      body.putObject("training_type")
          .put("type", "Lora")
          .put("lora_r", settings.loraRank())
          .put("lora_alpha", settings.loraAlpha());
    }
    return created(http.post("/fine-tunes", body, JsonHttp.Repeat.ONCE), "POST /fine-tunes");
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    String what = "GET /fine-tunes";
    for (JsonNode job : Fields.array(http.get("/fine-tunes"), "data", name, what)) {
      if (request.trainingFile().id().equals(Fields.optText(job, "training_file"))) {
        return Optional.of(created(job, what));
      }
    }
    return Optional.empty();
  }

  @Override
  public JobState status(JobHandle job) {
    return stateAt("/fine-tunes/" + Fields.encode(job.id()));
  }

  @Override
  public List<JobEvent> events(JobHandle job) {
    String path = "/fine-tunes/" + Fields.encode(job.id()) + "/events";
    return events(Fields.array(http.get(path), "data", name, "GET " + path), "GET " + path);
  }

  @Override
  public List<Checkpoint> checkpoints(JobHandle job) {
    String path = "/fine-tunes/" + Fields.encode(job.id()) + "/checkpoints";
    String what = "GET " + path;
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode checkpoint : Fields.array(http.get(path), "data", name, what)) {
      checkpoints.add(new Checkpoint(checkpoint.path("step").asLong(),
          Fields.optText(checkpoint, "path"), Fields.time(checkpoint, "created_at", name, what),
          Map.of()));
    }
    checkpoints.sort(Comparator.comparingLong(Checkpoint::step));
    return checkpoints;
  }

  @Override
  public JobState cancel(JobHandle job) {
    return stateAfterPost("/fine-tunes/" + Fields.encode(job.id()) + "/cancel");
  }

  private List<JobEvent> events(JsonNode array, String what) {
    List<JobEvent> events = new ArrayList<>();
    for (JsonNode event : array) {
      String level = event.path("level").isTextual() ? event.path("level").asText() : "info";
      events.add(new JobEvent(Fields.time(event, "created_at", name, what), level,
          event.path("message").asText("")));
    }
    events.sort(Comparator.comparing(JobEvent::time));
    return events;
  }

  @Override
  protected JobState state(JsonNode job, String what) {
    String status = Fields.text(job, "status", name, what);
    return switch (status) {
      case "pending", "queued" -> new JobState.Queued();
      case "running" -> new JobState.Running(progress(job), null);
      case "compressing" -> new JobState.Running(progress(job), "compressing the model");
      case "uploading" -> new JobState.Running(progress(job), "uploading the model");
      case "cancel_requested" -> new JobState.Running(progress(job), "cancel requested");
      case "cancelled" -> new JobState.Cancelled();
      case "error" -> new JobState.Failed(failure(job, what));
      case "completed" -> new JobState.Succeeded(
          Fields.text(job, "model_output_name", name, what), null);
      default -> throw unknown("status", status, what);
    };
  }

  private static Double progress(JsonNode job) {
    JsonNode done = job.path("epochs_completed");
    JsonNode total = job.path("n_epochs");
    if (done.isNumber() && total.isNumber() && total.asDouble() > 0) {
      return Math.min(1.0, Math.max(0.0, done.asDouble() / total.asDouble()));
    }
    return null;
  }

  private String failure(JsonNode job, String what) {
    String reason = null;
    for (JobEvent event : events(job.path("events"), what)) {
      if (event.level().equals("error") && !event.message().isBlank()) {
        reason = event.message();
      }
    }
    return reason == null ? "Together reported the status error without a message" : reason;
  }
}
