package dev.ragft.finetune.job;

import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows submitted jobs: asks the provider for their state, records every change in the
 * {@link JobRegistry}, and cancels them. Everything it needs is in the registry, so following a job
 * resumes where it left off after a restart.
 */
public final class JobTracker {

  private final JobRegistry registry;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * Creates a tracker.
   *
   * @param registry where jobs are recorded
   * @param clock the time recorded with each change
   * @param sleeper how to wait between polls
   */
  public JobTracker(JobRegistry registry, Clock clock, Sleeper sleeper) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Asks the provider once for the job's state and records it if it changed; a job in a final
   * state is returned without asking.
   */
  public JobRecord refresh(String clientKey, FineTuningProvider provider) {
    return refresh(clientKey, provider, false);
  }

  private JobRecord refresh(String clientKey, FineTuningProvider provider, boolean follow) {
    JobRecord record = registry.load(clientKey);
    if (record.state() != null && record.state().terminal()) {
      return record;
    }
    JobHandle job = handle(record);
    JobState state = follow ? provider.follow(job) : provider.status(job);
    return registry.update(clientKey, current -> current.withState(state, clock.instant()));
  }

  /**
   * Polls the job every {@code interval} until it reaches a final state, passing the first record
   * and every changed one to {@code onChange}, and returns the final record. Each poll asks
   * {@link FineTuningProvider#follow}, so an in-process trainer left unfinished is resumed.
   */
  public JobRecord watch(String clientKey, FineTuningProvider provider, Duration interval,
      Consumer<JobRecord> onChange) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be > 0, but is: " + interval);
    }
    JobRecord record = refresh(clientKey, provider, true);
    onChange.accept(record);
    while (!record.state().terminal()) {
      sleeper.sleep(interval);
      JobRecord next = refresh(clientKey, provider, true);
      if (!Objects.equals(next.state(), record.state())) {
        onChange.accept(next);
      }
      record = next;
    }
    return record;
  }

  /** The job's events at the provider, oldest first. */
  public List<JobEvent> events(String clientKey, FineTuningProvider provider) {
    return provider.events(handle(registry.load(clientKey)));
  }

  /** The job's checkpoints at the provider, by step. */
  public List<Checkpoint> checkpoints(String clientKey, FineTuningProvider provider) {
    return provider.checkpoints(handle(registry.load(clientKey)));
  }

  /**
   * Cancels the job and records the state the provider reports. A submission that never reached
   * the provider is cancelled in the registry only, after checking that a create request that may
   * have been sent did not create a job after all; a cancelled submission is never resumed.
   */
  public JobRecord cancel(String clientKey, FineTuningProvider provider) {
    JobRecord record = registry.load(clientKey);
    if (record.state() != null && record.state().terminal()) {
      throw new RagftException("job " + clientKey + " has already ended ("
          + record.state().describe() + "); there is nothing to cancel.");
    }
    Path workDir = registry.jobDir(clientKey);
    if (!record.created() && record.step() == SubmissionStep.CREATE_SENT) {
      Optional<CreatedJob> found = provider.findJob(record.request(workDir));
      if (found.isPresent()) {
        record = registry.update(clientKey, current -> current.withJob(found.get(),
            clock.instant()));
      }
    }
    if (!record.created()) {
      return registry.update(clientKey,
          current -> current.withState(new JobState.Cancelled(), clock.instant()));
    }
    JobState state = provider.cancel(record.handle(workDir));
    return registry.update(clientKey, current -> current.withState(state, clock.instant()));
  }

  private JobHandle handle(JobRecord record) {
    if (!record.created()) {
      throw new RagftException("job " + record.clientKey() + " is not at the provider yet: its "
          + "submission stopped at step " + record.step() + "; run 'ragft ft submit --resume "
          + record.clientKey() + "' or 'ragft ft status --watch " + record.clientKey()
          + "' to finish it.");
    }
    return record.handle(registry.jobDir(record.clientKey()));
  }
}
