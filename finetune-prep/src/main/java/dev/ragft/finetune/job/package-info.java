/**
 * Fine-tuning jobs, independent of where they run. {@link dev.ragft.finetune.job.FineTuningProvider}
 * is the one interface every provider implements (remote services, external trainers started as
 * commands, the in-process trainer); its states are the sealed
 * {@link dev.ragft.finetune.job.JobState}. {@link dev.ragft.finetune.job.JobRegistry} keeps every
 * job on disk, crash-safe, one folder per job; {@link dev.ragft.finetune.job.JobSubmitter} submits
 * exactly once, recording each step before the next; {@link dev.ragft.finetune.job.JobTracker}
 * follows and cancels. {@link dev.ragft.finetune.job.JobRegistry#modelsTrainedOn} answers which
 * fine-tuned models were trained on a given dataset manifest.
 *
 * <p>A submission in code:
 *
 * <pre>{@code
 * JobRegistry registry = new JobRegistry(JobRegistry.defaultRoot());
 * JobSubmitter submitter = new JobSubmitter(registry, clock, RetryPolicy.defaults(),
 *     Sleeper.real(), System.err::println);
 * JobRecord job = submitter.submit(provider, settings, spec, null);
 * JobRecord done = new JobTracker(registry, clock, Sleeper.real())
 *     .watch(job.clientKey(), provider, Duration.ofSeconds(30), r -> { });
 * }</pre>
 */
package dev.ragft.finetune.job;
