package dev.ragft.finetune.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Submits fine-tuning jobs exactly once. The job is recorded in the {@link JobRegistry} under its
 * client key before anything is uploaded, and each step (uploaded file, "create sent", created job)
 * is recorded as soon as it happens. Submitting again with the same key, or {@link #resume} after a
 * crash, continues from the last recorded step: a step that may have taken effect without being
 * recorded is first looked up at the provider ({@link FineTuningProvider#findUpload},
 * {@link FineTuningProvider#findJob}) and only repeated when the provider has no trace of it. A
 * call that fails in a way that leaves its effect unknown (a server error or a timeout on a
 * create) is handled the same way: wait, look it up, and only then try again.
 *
 * <p>The client key is derived from everything that defines the job (provider, base model,
 * method, hyperparameters, suffix, manifest hash and the SHA-256 of the data files), so submitting
 * the same job twice finds the first one instead of paying twice; an explicit key submits anew.
 */
public final class JobSubmitter {

  private final JobRegistry registry;
  private final Clock clock;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Consumer<String> notices;
  private final Random random;

  /**
   * Creates a submitter.
   *
   * @param registry where jobs are recorded
   * @param clock the time recorded with each step
   * @param retry how often to repeat a step whose effect is unknown
   * @param sleeper how to wait between those attempts
   * @param notices where warnings and progress notes go (one line each)
   */
  public JobSubmitter(JobRegistry registry, Clock clock, RetryPolicy retry, Sleeper sleeper,
      Consumer<String> notices) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.random = retry.newRandom();
  }

  /**
   * The client key of a job: {@code ft-} and the first 16 hex digits of the SHA-256 of everything
   * that defines it, so the same job always gets the same key.
   */
  public static String clientKey(ProviderSettings settings, JobSpec spec, LocalFile training,
      LocalFile validation) {
    ObjectNode identity = Json.mapper().createObjectNode();
    identity.set("provider", Json.mapper().valueToTree(settings));
    identity.put("baseModel", spec.baseModel());
    identity.put("method", spec.method().label());
    identity.set("hyperparameters", Json.mapper().valueToTree(spec.hyperparameters()));
    identity.put("suffix", spec.suffix());
    identity.put("manifest", spec.datasetManifestSha256());
    identity.put("training", training.sha256());
    identity.put("validation", validation == null ? null : validation.sha256());
    return "ft-" + Hashes.sha256(identity.toString()).substring(0, 16);
  }

  /**
   * Submits a job, or continues the job already recorded under the same key, and returns its
   * record once the provider has created it.
   *
   * @param provider the provider, created from {@code settings}
   * @param settings the provider's settings, recorded with the job
   * @param spec what to submit
   * @param explicitKey a client key chosen by the user, or null to derive it from the job
   */
  public JobRecord submit(FineTuningProvider provider, ProviderSettings settings, JobSpec spec,
      String explicitKey) {
    for (String warning : provider.preflight(spec)) {
      notices.accept("warning: " + warning);
    }
    LocalFile training = LocalFile.of(spec.trainingFile());
    LocalFile validation = spec.validationFile() == null ? null : LocalFile.of(spec.validationFile());
    String key = explicitKey != null ? explicitKey : clientKey(settings, spec, training, validation);
    registry.jobDir(key);
    JobRecord fresh = JobRecord.recorded(key, settings, spec, training, validation, clock.instant());
    JobRecord stored = registry.createIfAbsent(fresh);
    if (stored != fresh) {
      requireSameJob(stored, fresh);
      if (stored.created() || stored.state() != null) {
        notices.accept("job " + key + " was submitted before ("
            + (stored.state() == null ? "created" : stored.state().describe())
            + "); nothing to do.");
        return stored;
      }
      notices.accept("job " + key + " was recorded before; continuing from step "
          + stored.step() + ".");
      return continueSubmission(key, provider, true);
    }
    CrashPoints.reach(CrashPoints.RECORDED);
    return continueSubmission(key, provider, false);
  }

  /**
   * Continues a recorded submission from its last recorded step (after a crash, say) and returns
   * its record once the provider has created the job; a job already created is returned as is.
   */
  public JobRecord resume(String clientKey, FineTuningProvider provider) {
    JobRecord record = registry.load(clientKey);
    if (record.created() || record.state() != null) {
      return record;
    }
    return continueSubmission(clientKey, provider, true);
  }

  private JobRecord continueSubmission(String key, FineTuningProvider provider, boolean resumed) {
    Path workDir = registry.jobDir(key);
    JobRecord record = registry.load(key);
    for (FilePurpose purpose : FilePurpose.values()) {
      Optional<LocalFile> local = record.localFile(purpose);
      if (local.isPresent() && record.remoteFile(purpose).isEmpty()) {
        record = upload(record, purpose, local.get(), provider, workDir, resumed);
      }
    }
    if (!record.created()) {
      record = create(record, provider, workDir, resumed);
    }
    return record;
  }

  private JobRecord upload(JobRecord record, FilePurpose purpose, LocalFile local,
      FineTuningProvider provider, Path workDir, boolean resumed) {
    Path file = Path.of(local.path());
    LocalFile now = LocalFile.of(file);
    if (!now.sha256().equals(local.sha256())) {
      throw new RagftException("the " + purpose.label() + " file " + file
          + " changed since job " + record.clientKey() + " was recorded (sha256 "
          + local.sha256() + ", now " + now.sha256() + "); restore it or submit a new job.");
    }
    String key = record.clientKey();
    RemoteFile uploaded = once(provider.name() + " upload of the " + purpose.label() + " file",
        () -> provider.upload(file, purpose, key, workDir),
        () -> provider.findUpload(purpose, key, workDir), resumed);
    CrashPoints.reach(CrashPoints.UPLOADED_UNRECORDED);
    return registry.update(key, current -> current.withUpload(purpose, uploaded, clock.instant()));
  }

  private JobRecord create(JobRecord record, FineTuningProvider provider, Path workDir,
      boolean resumed) {
    String key = record.clientKey();
    boolean maybeSent = resumed && record.step() == SubmissionStep.CREATE_SENT;
    if (record.step() != SubmissionStep.CREATE_SENT) {
      record = registry.update(key, current -> current.withCreateSent(clock.instant()));
    }
    CrashPoints.reach(CrashPoints.CREATE_SENT);
    JobRequest request = record.request(workDir);
    CreatedJob job = once(provider.name() + " job creation",
        () -> provider.createJob(request), () -> provider.findJob(request), maybeSent);
    CrashPoints.reach(CrashPoints.CREATED_UNRECORDED);
    return registry.update(key, current -> current.withJob(job, clock.instant()));
  }

  /**
   * Runs a step that must take effect once: looks it up first when an earlier run may have done
   * it, and after a failure whose effect is unknown waits, looks it up, and only then repeats it.
   */
  private <T> T once(String what, Supplier<T> action, Supplier<Optional<T>> lookup,
      boolean lookFirst) {
    if (lookFirst) {
      Optional<T> done = lookup.get();
      if (done.isPresent()) {
        notices.accept(what + " had already taken effect; not repeating it.");
        return done.get();
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RetriableException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new RetriableException(what + " did not succeed in " + attempt + " attempts (last"
              + " failure: " + withoutPeriod(e.getMessage()) + "); submitting again later"
              + " continues from the last recorded step.", e.retryAfter().orElse(null), e);
        }
        Duration wait = retry.delay(attempt, e.retryAfter(), random);
        notices.accept(what + " failed (" + withoutPeriod(e.getMessage()) + "); checking whether"
            + " it took effect in " + seconds(wait) + " s (attempt " + (attempt + 1) + " of "
            + retry.maxAttempts() + ").");
        sleeper.sleep(wait);
        Optional<T> done;
        try {
          done = lookup.get();
        } catch (RetriableException unknown) {
          throw new RetriableException(what + " failed, and whether it took effect cannot be"
              + " checked now (" + withoutPeriod(unknown.getMessage()) + "); submitting again"
              + " later continues from the last recorded step.",
              unknown.retryAfter().orElse(null), unknown);
        }
        if (done.isPresent()) {
          notices.accept(what + " had taken effect despite the failure; not repeating it.");
          return done.get();
        }
      }
    }
  }

  private static void requireSameJob(JobRecord stored, JobRecord fresh) {
    boolean same = stored.provider().name().equals(fresh.provider().name())
        && stored.baseModel().equals(fresh.baseModel())
        && stored.method() == fresh.method()
        && stored.hyperparameters().equals(fresh.hyperparameters())
        && Objects.equals(stored.suffix(), fresh.suffix())
        && stored.datasetManifestSha256().equals(fresh.datasetManifestSha256())
        && stored.trainingFile().sha256().equals(fresh.trainingFile().sha256())
        && Objects.equals(sha(stored.validationFile()), sha(fresh.validationFile()));
    if (!same) {
      throw new RagftException("the client key " + stored.clientKey()
          + " already belongs to a different job in the registry; choose another key.");
    }
  }

  private static String withoutPeriod(String message) {
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static String sha(LocalFile file) {
    return file == null ? null : file.sha256();
  }

  private static String seconds(Duration wait) {
    return String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
  }
}
