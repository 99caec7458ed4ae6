package dev.ragft.finetune.provider;

import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobSubmitter;
import dev.ragft.finetune.job.JobTracker;
import dev.ragft.finetune.job.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fine-tuning job operations behind {@code ragft ft submit | status | cancel | list}: one
 * place that ties the configuration, the provider types, the registry and the submitter and
 * tracker together. Jobs are named by their client key or a unique prefix of it. Following or
 * cancelling a job needs no configuration: the provider settings are recorded with the job (the
 * API key is read from the environment variable they name).
 */
public final class FineTuningJobs {

  private final FineTuningConfig config;
  private final Providers providers;
  private final JobRegistry registry;
  private final ProviderContext context;
  private final JobSubmitter submitter;
  private final JobTracker tracker;

  /**
   * Creates the operations.
   *
   * @param config the fine-tuning configuration
   * @param providers the known provider types
   * @param registry where jobs are recorded
   * @param context what providers get from their surroundings
   */
  public FineTuningJobs(FineTuningConfig config, Providers providers, JobRegistry registry,
      ProviderContext context) {
    this.config = Objects.requireNonNull(config, "config");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.context = Objects.requireNonNull(context, "context");
    this.submitter = new JobSubmitter(registry, context.clock(), context.retry(),
        context.sleeper(), context.notices());
    this.tracker = new JobTracker(registry, context.clock(), context.sleeper());
  }

  /** The registry the jobs are recorded in. */
  public JobRegistry registry() {
    return registry;
  }

  /** The settings of a configured (or default) provider, by name. */
  public ProviderSettings settings(String providerName) {
    return config.settings(providerName, providers);
  }

  /**
   * Submits a job (or continues the same job submitted before) and returns its record.
   *
   * @param settings the provider to submit to
   * @param spec the job
   * @param explicitKey a client key of the user's choice, or null to derive it from the job
   */
  public JobRecord submit(ProviderSettings settings, JobSpec spec, String explicitKey) {
    FineTuningProvider provider = providers.create(settings, context);
    return submitter.submit(provider, settings, spec, explicitKey);
  }

  /** Finishes an unfinished submission from its last recorded step. */
  public JobRecord resume(String keyOrPrefix) {
    JobRecord record = registry.resolve(keyOrPrefix);
    return submitter.resume(record.clientKey(), provider(record));
  }

  /** Asks the provider once for the job's state and records it. */
  public JobRecord refresh(String keyOrPrefix) {
    JobRecord record = registry.resolve(keyOrPrefix);
    if (record.state() != null && record.state().terminal()) {
      return record;
    }
    return tracker.refresh(record.clientKey(), provider(record));
  }

  /**
   * Follows the job until it ends, passing every change to {@code onChange}; an unfinished
   * submission is finished first, so this picks a job up wherever a crash or restart left it.
   */
  public JobRecord watch(String keyOrPrefix, Duration interval, Consumer<JobRecord> onChange) {
    JobRecord record = registry.resolve(keyOrPrefix);
    if (record.state() != null && record.state().terminal()) {
      onChange.accept(record);
      return record;
    }
    FineTuningProvider provider = provider(record);
    if (!record.created()) {
      context.notices().accept("job " + record.clientKey() + " stopped at step " + record.step()
          + "; finishing its submission first.");
      submitter.resume(record.clientKey(), provider);
    }
    return tracker.watch(record.clientKey(), provider, interval, onChange);
  }

  /** Cancels the job and returns its record. */
  public JobRecord cancel(String keyOrPrefix) {
    JobRecord record = registry.resolve(keyOrPrefix);
    return tracker.cancel(record.clientKey(), provider(record));
  }

  /** The job's events at the provider, oldest first. */
  public List<JobEvent> events(String keyOrPrefix) {
    JobRecord record = registry.resolve(keyOrPrefix);
    return tracker.events(record.clientKey(), provider(record));
  }

  /** The job's checkpoints at the provider, by step. */
  public List<Checkpoint> checkpoints(String keyOrPrefix) {
    JobRecord record = registry.resolve(keyOrPrefix);
    return tracker.checkpoints(record.clientKey(), provider(record));
  }

  /** Every recorded job, oldest first. */
  public List<JobRecord> list() {
    return registry.list();
  }

  private FineTuningProvider provider(JobRecord record) {
    return providers.create(record.provider(), context);
  }
}
