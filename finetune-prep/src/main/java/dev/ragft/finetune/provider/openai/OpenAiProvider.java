package dev.ragft.finetune.provider.openai;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI fine-tuning, following the documented REST API
 * (<a href="https://platform.openai.com/docs/api-reference/fine-tuning">fine-tuning</a>,
 * <a href="https://platform.openai.com/docs/api-reference/files/create">files</a>):
 * {@code POST /files} (multipart, {@code purpose=fine-tune}), {@code POST /fine_tuning/jobs} with
 * the {@code supervised} or {@code dpo} method, {@code GET /fine_tuning/jobs/{id}},
 * {@code .../events}, {@code .../checkpoints} and {@code POST .../cancel}.
 *
 * <p><b>OpenAI accepts no new fine-tuning jobs after {@value #LAST_DAY_FOR_NEW_JOBS}.</b> Every
 * submission before that day warns about it; after it, submissions are refused before anything is
 * uploaded, while existing jobs can still be followed and cancelled.
 *
 * <p>Crash recovery: uploads are named {@code ragft-<client key>-<purpose>.jsonl} and found again by
 * listing files; jobs carry the client key in their {@code metadata} and are found again with the
 * documented {@code metadata[key]=value} filter of the job list.
 */
public final class OpenAiProvider extends RemoteProvider {

  /** The last day OpenAI accepts new fine-tuning jobs. */
  public static final String LAST_DAY_FOR_NEW_JOBS = "2027-01-06";
  /** The metadata key that carries ragft's client key on every job. */
  public static final String CLIENT_KEY_METADATA = "ragft_client_key";

  private static final LocalDate LAST_DAY = LocalDate.parse(LAST_DAY_FOR_NEW_JOBS);
  private static final Capabilities CAPABILITIES = new Capabilities(
      EnumSet.of(TrainingMethod.SFT, TrainingMethod.DPO),
      EnumSet.of(Hyperparameter.EPOCHS, Hyperparameter.LEARNING_RATE_MULTIPLIER,
          Hyperparameter.BATCH_SIZE, Hyperparameter.SEED, Hyperparameter.DPO_BETA),
      true, true, true);

  private final Clock clock;

  /**
   * Creates the provider.
   *
   * @param name the configured name
   * @param http the client for the API's base URL (e.g. {@code https://api.openai.com/v1})
   * @param clock today's date, for the end of new jobs
   */
  public OpenAiProvider(String name, JsonHttp http, Clock clock) {
    super(name, http, CAPABILITIES);
    this.clock = clock;
  }

  @Override
  public List<String> preflight(JobSpec spec) {
    CAPABILITIES.check(name, spec);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (today.isAfter(LAST_DAY)) {
      throw new UnsupportedFeatureException("OpenAI accepts no new fine-tuning jobs after "
          + LAST_DAY + " (today is " + today + "); submit to together, fireworks, mistral, a"
          + " command trainer or the local trainer instead.");
    }
    long days = ChronoUnit.DAYS.between(today, LAST_DAY);
    return List.of("OpenAI accepts no new fine-tuning jobs after " + LAST_DAY + " (" + days
        + " days from today); keep a second provider (together, fireworks, mistral, command or"
        + " local) ready for this job.");
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    return uploadFile("/files", file, clientKey, purpose, Map.of());
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    return listedUpload(http.get("/files?purpose=fine-tune&order=desc&limit=10000"),
        "GET /files", clientKey, purpose, file -> !"error".equals(Fields.optText(file, "status")));
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", request.baseModel());
    body.put("training_file", request.trainingFile().id());
    if (request.validationFile() != null) {
      body.put("validation_file", request.validationFile().id());
    }
    if (request.suffix() != null) {
      body.put("suffix", request.suffix());
    }
    Hyperparameters settings = request.hyperparameters();
    if (settings.seed() != null) {
      body.put("seed", settings.seed());
    }
    body.putObject("metadata").put(CLIENT_KEY_METADATA, request.clientKey());
    String type = request.method() == TrainingMethod.DPO ? "dpo" : "supervised";
    ObjectNode method = body.putObject("method");
    method.put("type", type);
    ObjectNode parameters = method.putObject(type).putObject("hyperparameters");
    if (settings.epochs() != null) {
      parameters.put("n_epochs", settings.epochs());
    }
    if (settings.batchSize() != null) {
      parameters.put("batch_size", settings.batchSize());
    }
    if (settings.learningRateMultiplier() != null) {
      parameters.put("learning_rate_multiplier", settings.learningRateMultiplier());
    }
    if (settings.dpoBeta() != null) {
      parameters.put("beta", settings.dpoBeta());
    }
    JsonNode job = http.post("/fine_tuning/jobs", body, JsonHttp.Repeat.ONCE);
    return created(job, "POST /fine_tuning/jobs");
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    String path = "/fine_tuning/jobs?limit=100&" + Fields.encode("metadata[" + CLIENT_KEY_METADATA
        + "]") + "=" + Fields.encode(request.clientKey());
    JsonNode answer = http.get(path);
    for (JsonNode job : Fields.array(answer, "data", name, "GET /fine_tuning/jobs")) {
      if (request.clientKey().equals(job.path("metadata").path(CLIENT_KEY_METADATA).asText(null))
          && request.trainingFile().id().equals(Fields.optText(job, "training_file"))) {
        return Optional.of(created(job, "GET /fine_tuning/jobs"));
      }
    }
    return Optional.empty();
  }

  @Override
  public JobState status(JobHandle job) {
    return stateAt("/fine_tuning/jobs/" + Fields.encode(job.id()));
  }

  @Override
  public List<JobEvent> events(JobHandle job) {
    String path = "/fine_tuning/jobs/" + Fields.encode(job.id()) + "/events?limit=100";
    String what = "GET " + path;
    List<JobEvent> events = new ArrayList<>();
    for (JsonNode event : Fields.array(http.get(path), "data", name, what)) {
      events.add(new JobEvent(Fields.time(event, "created_at", name, what),
          event.path("level").asText("info"), event.path("message").asText("")));
    }
    // OpenAI lists events newest first; the contract is oldest first.
    List<JobEvent> oldestFirst = new ArrayList<>(events.reversed());
    oldestFirst.sort(Comparator.comparing(JobEvent::time));
    return oldestFirst;
  }

  @Override
  public List<Checkpoint> checkpoints(JobHandle job) {
    String path = "/fine_tuning/jobs/" + Fields.encode(job.id()) + "/checkpoints?limit=100";
    String what = "GET " + path;
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (JsonNode checkpoint : Fields.array(http.get(path), "data", name, what)) {
      checkpoints.add(new Checkpoint(checkpoint.path("step_number").asLong(),
          Fields.optText(checkpoint, "fine_tuned_model_checkpoint"),
          Fields.time(checkpoint, "created_at", name, what), metrics(checkpoint)));
    }
    checkpoints.sort(Comparator.comparingLong(Checkpoint::step));
    return checkpoints;
  }

  @Override
  public JobState cancel(JobHandle job) {
    return stateAfterPost("/fine_tuning/jobs/" + Fields.encode(job.id()) + "/cancel");
  }

  @Override
  protected JobState state(JsonNode job, String what) {
    String status = Fields.text(job, "status", name, what);
    return switch (status) {
      case "validating_files" -> new JobState.Validating();
      case "queued" -> new JobState.Queued();
      case "running" -> new JobState.Running(null, null);
      case "succeeded" -> new JobState.Succeeded(Fields.text(job, "fine_tuned_model", name, what),
          null);
      case "failed" -> new JobState.Failed(failure(job.path("error")));
      case "cancelled" -> new JobState.Cancelled();
      default -> throw unknown("status", status, what);
    };
  }

  private static String failure(JsonNode error) {
    String message = Fields.optText(error, "message");
    String code = Fields.optText(error, "code");
    if (message == null) {
      return code == null ? "OpenAI gave no reason" : code;
    }
    return code == null ? message : message + " (" + code + ")";
  }
}
