package dev.ragft.finetune.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A place that fine-tunes models: a remote service (OpenAI, Together AI, Fireworks, Mistral), an
 * external trainer started as a command, or an in-process trainer. {@link JobSubmitter} drives a
 * provider through one submission in this order, recording each step in the {@link JobRegistry}
 * before the next one starts:
 *
 * <ol>
 *   <li>{@link #preflight} checks the job against the provider's {@link #capabilities()} and
 *       returns warnings; nothing has been recorded yet;
 *   <li>{@link #upload} makes each data file available to the trainer;
 *   <li>{@link #createJob} starts the job and returns its id;
 *   <li>{@link #status}, {@link #events}, {@link #checkpoints} and {@link #cancel} follow it.
 * </ol>
 *
 * <p>Crash recovery relies on the two {@code find} methods: after a crash between sending an upload
 * or a job creation and recording its result, the submitter asks {@link #findUpload} or
 * {@link #findJob} whether the step already took effect before repeating it, so that no second
 * remote job is ever created. A provider that cannot tell returns empty, and the step is repeated.
 *
 * <p>An in-process trainer fits the same contract: {@code upload} copies or references the file,
 * {@code createJob} starts training in the background and returns at once, {@code status}
 * reports the state of a local object, and {@link #follow} picks up a trainer its process left
 * unfinished; the state of a job must survive in its {@code workDir} if it is to be followed
 * after the JVM restarts.
 *
 * <p>Contract for every implementation: methods are safe to call from several threads; they throw
 * {@link dev.ragft.common.RetriableException} for failures worth repeating (rate limits, server
 * errors, timeouts, broken connections) after their own retries are spent, and another
 * {@link dev.ragft.common.RagftException} with a one-sentence message for everything else;
 * no message, log line or recorded value ever contains an API key.
 */
public interface FineTuningProvider {

  /** The name this provider is configured under, e.g. {@code openai} or {@code my-trl}. */
  String name();

  /** What this provider can do; constant for the life of the instance. */
  Capabilities capabilities();

  /**
   * Checks that this provider can run the job exactly as asked and returns warnings the user
   * should see before the job is submitted. Throws {@link UnsupportedFeatureException} for
   * anything it cannot do; the default checks the {@link #capabilities()}.
   */
  default List<String> preflight(JobSpec spec) {
    capabilities().check(name(), spec);
    return List.of();
  }

  /**
   * Makes a data file available to the trainer, named after the client key so that
   * {@link #findUpload} can recognise it: an upload for remote providers, a copy or reference for
   * local ones.
   *
   * @param file the data file
   * @param purpose its role in the job
   * @param clientKey the submission's key
   * @param workDir the job's folder in the registry
   * @return the provider's handle on the file
   */
  RemoteFile upload(Path file, FilePurpose purpose, String clientKey, Path workDir);

  /**
   * Finds a file an earlier {@link #upload} with the same key and purpose completed, or empty when
   * there is none (or the provider cannot tell).
   */
  Optional<RemoteFile> findUpload(FilePurpose purpose, String clientKey, Path workDir);

  /** Creates the job and returns its id and first state. */
  CreatedJob createJob(JobRequest request);

  /**
   * Finds a job an earlier {@link #createJob} for the same request created, or empty when there
   * is none (or the provider cannot tell).
   */
  Optional<CreatedJob> findJob(JobRequest request);

  /** The job's current state. */
  JobState status(JobHandle job);

  /**
   * Keeps a followed job going and returns its state; asked instead of {@link #status} while a job
   * is followed to its end ({@code ragft ft status --watch}). A provider whose trainer runs inside
   * the ragft process restarts a trainer that stopped unfinished (because the process that ran it
   * exited) from its last checkpoint; the default, for jobs that run elsewhere, is
   * {@link #status}.
   */
  default JobState follow(JobHandle job) {
    return status(job);
  }

  /**
   * The job's events, oldest first. Providers without events (see {@link Capabilities#events()})
   * throw {@link UnsupportedFeatureException}, which is what the default does.
   */
  default List<JobEvent> events(JobHandle job) {
    throw new UnsupportedFeatureException("provider '" + name() + "' does not list job events.");
  }

  /**
   * The job's checkpoints, by step. Providers without checkpoints (see
   * {@link Capabilities#checkpoints()}) throw {@link UnsupportedFeatureException}, which is what
   * the default does.
   */
  default List<Checkpoint> checkpoints(JobHandle job) {
    throw new UnsupportedFeatureException("provider '" + name() + "' does not list checkpoints.");
  }

  /** Asks the provider to stop the job and returns the state it reports afterwards. */
  JobState cancel(JobHandle job);
}
