package dev.ragft.finetune.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the registry keeps about one job: what was asked, how far the submission got, the
 * provider's ids, the current state and the history of changes. Immutable; each change makes a new
 * record that {@link JobRegistry#update} stores atomically. Holds no secret.
 *
 * @param formatVersion the version of this layout, {@value #FORMAT_VERSION}
 * @param clientKey ragft's key for the job; also the name of its registry folder
 * @param provider how to reach the provider (no secrets)
 * @param baseModel the model fine-tuned
 * @param method the training method
 * @param hyperparameters the training settings
 * @param suffix the model name suffix, or null
 * @param datasetManifestSha256 the SHA-256 of the dataset manifest the data came from
 * @param trainingFile the training data as submitted
 * @param validationFile the validation data as submitted, or null
 * @param remoteTrainingFile the uploaded training file, once uploaded
 * @param remoteValidationFile the uploaded validation file, once uploaded
 * @param step how far the submission got
 * @param remoteJobId the provider's job id, once created
 * @param state the last state seen, or null before the job exists
 * @param history every step and state change, oldest first
 * @param createdAt when the job was recorded
 * @param updatedAt when the record last changed
 */
public record JobRecord(
    int formatVersion,
    String clientKey,
    ProviderSettings provider,
    String baseModel,
    TrainingMethod method,
    Hyperparameters hyperparameters,
    String suffix,
    String datasetManifestSha256,
    LocalFile trainingFile,
    LocalFile validationFile,
    RemoteFile remoteTrainingFile,
    RemoteFile remoteValidationFile,
    SubmissionStep step,
    String remoteJobId,
    JobState state,
    List<HistoryEntry> history,
    Instant createdAt,
    Instant updatedAt) {

  /** The current layout version. */
  public static final int FORMAT_VERSION = 1;

  /** Validates the components and copies the history. */
  public JobRecord {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("job record format " + formatVersion
          + " is not supported; this ragft reads format " + FORMAT_VERSION);
    }
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(hyperparameters, "hyperparameters");
    Objects.requireNonNull(datasetManifestSha256, "datasetManifestSha256");
    Objects.requireNonNull(trainingFile, "trainingFile");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    history = List.copyOf(Objects.requireNonNull(history, "history"));
    if (step == SubmissionStep.CREATED && remoteJobId == null) {
      throw new IllegalArgumentException("a created job needs its remote job id");
    }
  }

  /** A new record for a submission that has only been recorded. */
  public static JobRecord recorded(String clientKey, ProviderSettings provider, JobSpec spec,
      LocalFile training, LocalFile validation, Instant now) {
    return new JobRecord(FORMAT_VERSION, clientKey, provider, spec.baseModel(), spec.method(),
        spec.hyperparameters(), spec.suffix(), spec.datasetManifestSha256(), training, validation,
        null, null, SubmissionStep.RECORDED, null, null,
        List.of(new HistoryEntry(now, "recorded", null)), now, now);
  }

  /** The uploaded file of this purpose, if it is uploaded. */
  public Optional<RemoteFile> remoteFile(FilePurpose purpose) {
    return Optional.ofNullable(
        purpose == FilePurpose.TRAINING ? remoteTrainingFile : remoteValidationFile);
  }

  /** The local file of this purpose, if the job has one. */
  public Optional<LocalFile> localFile(FilePurpose purpose) {
    return Optional.ofNullable(purpose == FilePurpose.TRAINING ? trainingFile : validationFile);
  }

  /** Whether the provider has created the job. */
  public boolean created() {
    return remoteJobId != null;
  }

  /** The handle the provider follows the job by; the job must be created. */
  public JobHandle handle(Path workDir) {
    if (remoteJobId == null) {
      throw new IllegalStateException("job " + clientKey + " has no remote job yet");
    }
    return new JobHandle(remoteJobId, workDir);
  }

  /** The request that creates (or finds) this job; its files must be uploaded. */
  public JobRequest request(Path workDir) {
    if (remoteTrainingFile == null || (validationFile != null && remoteValidationFile == null)) {
      throw new IllegalStateException("job " + clientKey + " has files still to upload");
    }
    return new JobRequest(clientKey, baseModel, method, hyperparameters, suffix,
        remoteTrainingFile, remoteValidationFile, workDir);
  }

  /** This record with an uploaded file recorded. */
  public JobRecord withUpload(FilePurpose purpose, RemoteFile file, Instant now) {
    boolean training = purpose == FilePurpose.TRAINING;
    return new JobRecord(formatVersion, clientKey, provider, baseModel, method, hyperparameters,
        suffix, datasetManifestSha256, trainingFile, validationFile,
        training ? file : remoteTrainingFile, training ? remoteValidationFile : file,
        training ? SubmissionStep.TRAINING_UPLOADED : SubmissionStep.VALIDATION_UPLOADED,
        remoteJobId, state,
        append(new HistoryEntry(now, "uploaded " + purpose.label() + " file " + file.id(), null)),
        createdAt, now);
  }

  /** This record with the create request marked as sent. */
  public JobRecord withCreateSent(Instant now) {
    return new JobRecord(formatVersion, clientKey, provider, baseModel, method, hyperparameters,
        suffix, datasetManifestSha256, trainingFile, validationFile, remoteTrainingFile,
        remoteValidationFile, SubmissionStep.CREATE_SENT, remoteJobId, state,
        append(new HistoryEntry(now, "create sent", null)), createdAt, now);
  }

  /** This record with the created job's id and first state. */
  public JobRecord withJob(CreatedJob job, Instant now) {
    List<HistoryEntry> entries = new ArrayList<>(history);
    entries.add(new HistoryEntry(now, "created job " + job.id(), null));
    entries.add(new HistoryEntry(now, job.state().describe(), job.state()));
    return new JobRecord(formatVersion, clientKey, provider, baseModel, method, hyperparameters,
        suffix, datasetManifestSha256, trainingFile, validationFile, remoteTrainingFile,
        remoteValidationFile, SubmissionStep.CREATED, job.id(), job.state(), entries, createdAt,
        now);
  }

  /**
   * This record with a new state; the same record when the state has not changed. The history
   * gains an entry when the state's name or its whole-percent progress changes, not for every new
   * detail a running trainer reports (a log line each poll would flood it).
   */
  public JobRecord withState(JobState newState, Instant now) {
    if (newState.equals(state)) {
      return this;
    }
    List<HistoryEntry> entries = noteworthy(newState)
        ? append(new HistoryEntry(now, newState.describe(), newState)) : history;
    return new JobRecord(formatVersion, clientKey, provider, baseModel, method, hyperparameters,
        suffix, datasetManifestSha256, trainingFile, validationFile, remoteTrainingFile,
        remoteValidationFile, step, remoteJobId, newState, entries, createdAt, now);
  }

  private boolean noteworthy(JobState newState) {
    if (!(state instanceof JobState.Running before)
        || !(newState instanceof JobState.Running after)) {
      return true;
    }
    return !Objects.equals(percent(before.progress()), percent(after.progress()));
  }

  private static Long percent(Double progress) {
    return progress == null ? null : Math.round(progress * 100);
  }

  private List<HistoryEntry> append(HistoryEntry entry) {
    List<HistoryEntry> entries = new ArrayList<>(history);
    entries.add(entry);
    return entries;
  }
}
