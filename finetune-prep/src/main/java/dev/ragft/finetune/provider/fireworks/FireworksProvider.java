package dev.ragft.finetune.provider.fireworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.finetune.job.Capabilities;
import dev.ragft.finetune.job.CreatedJob;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameter;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.RetryPolicy;
import dev.ragft.finetune.job.Sleeper;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.provider.http.Fields;
import dev.ragft.finetune.provider.http.HttpStatusException;
import dev.ragft.finetune.provider.http.JsonHttp;
import dev.ragft.finetune.provider.http.Multipart;
import dev.ragft.finetune.provider.http.RemoteProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;

/**
 * Fireworks AI supervised fine-tuning, following the documented REST API
 * (<a href="https://docs.fireworks.ai/fine-tuning/fine-tuning-via-api">fine-tuning via API</a>,
 * <a href="https://docs.fireworks.ai/api-reference/create-dataset">create dataset</a>,
 * <a href="https://docs.fireworks.ai/api-reference/create-supervised-fine-tuning-job">create
 * supervised fine-tuning job</a>, get and cancel of the same reference): a dataset record
 * ({@code POST /v1/accounts/{account}/datasets}), its file ({@code POST .../datasets/{id}:upload},
 * multipart), a wait until the dataset is {@code READY}, then
 * {@code POST /v1/accounts/{account}/supervisedFineTuningJobs?supervisedFineTuningJobId=...},
 * {@code GET .../supervisedFineTuningJobs/{id}} and {@code POST ...:cancel}.
 *
 * <p>Fireworks lets the client choose the ids of datasets and jobs, which makes crash recovery
 * exact: the datasets are {@code <client key>-training} and {@code <client key>-validation}, the
 * job is {@code <client key>}, and a repeated create is answered 409 instead of making a second
 * job. Only supervised fine-tuning is offered (DPO jobs are a different resource); Fireworks lists
 * no job events or checkpoints for these jobs.
 */
public final class FireworksProvider extends RemoteProvider {

  private static final Capabilities CAPABILITIES = new Capabilities(
      EnumSet.of(TrainingMethod.SFT),
      EnumSet.of(Hyperparameter.EPOCHS, Hyperparameter.LEARNING_RATE, Hyperparameter.BATCH_SIZE,
          Hyperparameter.LORA_RANK),
      true, false, false);

  private final String account;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Random random;

  /**
   * Creates the provider.
   *
   * @param name the configured name
   * @param http the client for the API's base URL ({@code https://api.fireworks.ai})
   * @param account the Fireworks account id
   * @param retry how long to wait for an uploaded dataset to become ready
   * @param sleeper how to wait
   */
  public FireworksProvider(String name, JsonHttp http, String account, RetryPolicy retry,
      Sleeper sleeper) {
    super(name, http, CAPABILITIES);
    this.account = account;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = retry.newRandom();
  }

  @Override
  public RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir) {
    String id = datasetId(clientKey, purpose);
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("datasetId", id);
    record.putObject("dataset").putObject("userUploaded");
    try {
      http.post(accountPath("/datasets"), record, JsonHttp.Repeat.ONCE);
    } catch (HttpStatusException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
    String filename = "ragft-" + id + ".jsonl";
    Multipart body = new Multipart(id).file("file", filename, "application/jsonl", file);
    http.upload(accountPath("/datasets/" + id + ":upload"), body);
    awaitReady(id);
    return new RemoteFile(resource("datasets", id), filename);
  }

  @Override
  public Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir) {
    String id = datasetId(clientKey, purpose);
    return datasetState(id).filter("READY"::equals)
        .map(ready -> new RemoteFile(resource("datasets", id), "ragft-" + id + ".jsonl"));
  }

  @Override
  public CreatedJob createJob(JobRequest request) {
    Hyperparameters settings = request.hyperparameters();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("dataset", request.trainingFile().id());
    body.put("baseModel", request.baseModel());
    body.put("displayName", "ragft " + request.clientKey());
    if (request.validationFile() != null) {
      body.put("evaluationDataset", request.validationFile().id());
    }
    if (request.suffix() != null) {
      body.put("outputModel", resource("models", request.suffix()));
    }
    if (settings.epochs() != null) {
      body.put("epochs", settings.epochs());
    }
    if (settings.learningRate() != null) {
      body.put("learningRate", settings.learningRate());
    }
    if (settings.loraRank() != null) {
      body.put("loraRank", settings.loraRank());
    }
    if (settings.batchSize() != null) {
      body.put("batchSizeSamples", settings.batchSize());
    }
    String path = accountPath("/supervisedFineTuningJobs?supervisedFineTuningJobId="
        + Fields.encode(request.clientKey()));
    try {
      JsonNode job = http.post(path, body, JsonHttp.Repeat.ONCE);
      return new CreatedJob(request.clientKey(), state(job, "POST " + path));
    } catch (HttpStatusException e) {
      if (e.status() == 409) {
        return findJob(request).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  @Override
  public Optional<CreatedJob> findJob(JobRequest request) {
    String path = jobPath(request.clientKey());
    try {
      JsonNode job = http.get(path);
      if (!request.trainingFile().id().equals(Fields.optText(job, "dataset"))) {
        throw new RagftException(name + " has a job " + request.clientKey()
            + " that was not trained on " + request.trainingFile().id()
            + "; it is not this submission's job.");
      }
      return Optional.of(new CreatedJob(request.clientKey(), state(job, "GET " + path)));
    } catch (HttpStatusException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public JobState status(JobHandle job) {
    return stateAt(jobPath(job.id()));
  }

  @Override
  public JobState cancel(JobHandle job) {
    http.post(jobPath(job.id()) + ":cancel", Json.mapper().createObjectNode(),
        JsonHttp.Repeat.SAFE);
    return status(job);
  }

  /** The dataset id of an upload: {@code <client key>-<purpose>}. */
  static String datasetId(String clientKey, FilePurpose purpose) {
    return clientKey + "-" + purpose.label();
  }

  private void awaitReady(String id) {
    Optional<String> state = Optional.empty();
    for (int check = 1; check <= retry.maxAttempts(); check++) {
      state = datasetState(id);
      if (state.filter("READY"::equals).isPresent()) {
        return;
      }
      if (check < retry.maxAttempts()) {
        sleeper.sleep(retry.delay(check, Optional.empty(), random));
      }
    }
    throw new RetriableException(name + "'s dataset " + id + " is still not READY after "
        + retry.maxAttempts() + " checks (state " + state.orElse("missing") + ").",
        (Duration) null, null);
  }

  private Optional<String> datasetState(String id) {
    String path = accountPath("/datasets/" + id);
    try {
      JsonNode dataset = http.get(path);
      return Optional.of(dataset.path("state").asText("STATE_UNSPECIFIED"));
    } catch (HttpStatusException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  protected JobState state(JsonNode job, String what) {
    String state = Fields.text(job, "state", name, what);
    Double progress = job.path("jobProgress").path("percent").isNumber()
        ? Math.min(1.0, Math.max(0.0, job.path("jobProgress").path("percent").asDouble() / 100))
        : null;
    return switch (state) {
      case "JOB_STATE_UNSPECIFIED", "JOB_STATE_PENDING", "JOB_STATE_CREATING",
          "JOB_STATE_CREATING_INPUT_DATASET", "JOB_STATE_RE_QUEUEING", "JOB_STATE_IDLE" ->
          new JobState.Queued();
      case "JOB_STATE_VALIDATING" -> new JobState.Validating();
      case "JOB_STATE_RUNNING" -> new JobState.Running(progress, null);
      case "JOB_STATE_WRITING_RESULTS" -> new JobState.Running(progress, "writing results");
      case "JOB_STATE_PAUSED" -> new JobState.Running(progress, "paused by Fireworks");
      case "JOB_STATE_CANCELLING" -> new JobState.Running(progress, "cancelling");
      case "JOB_STATE_COMPLETED", "JOB_STATE_EARLY_STOPPED" ->
          new JobState.Succeeded(Fields.text(job, "outputModel", name, what), null);
      case "JOB_STATE_CANCELLED" -> new JobState.Cancelled();
      case "JOB_STATE_FAILED", "JOB_STATE_EXPIRED", "JOB_STATE_DELETING",
          "JOB_STATE_DELETING_CLEANING_UP", "JOB_STATE_DELETED", "JOB_STATE_ARCHIVED" ->
          new JobState.Failed(reason(job, state));
      default -> throw unknown("state", state, what);
    };
  }

  private static String reason(JsonNode job, String state) {
    String message = Fields.optText(job.path("status"), "message");
    return message == null ? "Fireworks reports " + state : message + " (" + state + ")";
  }

  private String accountPath(String rest) {
    return "/v1/accounts/" + Fields.encode(account) + rest;
  }

  private String jobPath(String jobId) {
    return accountPath("/supervisedFineTuningJobs/" + Fields.encode(jobId));
  }

  private String resource(String collection, String id) {
    return "accounts/" + account + "/" + collection + "/" + id;
  }
}
