package dev.ragft.finetune.job;

import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.openai.OpenAiProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The child JVM of {@link SubmissionCrashIT}: submits the crash test's job (or, with
 * {@code update}, changes its state) with the real environment, so that the test switch
 * {@link CrashPoints#PROPERTY} can halt it at a chosen point.
 */
public final class CrashingSubmission {

  /** The manifest hash of the crash test's job. */
  static final String MANIFEST = "e".repeat(64);

  private CrashingSubmission() {
  }

  /** The job the crash test submits. */
  static JobSpec spec(Path training) {
    return new JobSpec("gpt-4o-mini-2024-07-18", TrainingMethod.SFT, training, null,
        new Hyperparameters(3, null, null, null, null, null, 1L, null), null, MANIFEST);
  }

  /**
   * Arguments: {@code submit BASE_URL REGISTRY TRAINING} submits the job; {@code update REGISTRY
   * KEY} records a new state for a job.
   */
  public static void main(String[] args) {
    if (args[0].equals("update")) {
      new JobRegistry(Path.of(args[1])).update(args[2],
          current -> current.withState(new JobState.Running(0.5, "half way"),
              Instant.parse("2026-11-21T12:00:00Z")));
      return;
    }
    ProviderContext context = ProviderContext.standard(System.err::println);
    context = new ProviderContext(context.environment(), context.http(), context.retry(),
        context.sleeper(), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"),
            ZoneOffset.UTC), context.notices());
    ProviderSettings settings = new OpenAiProviderFactory().defaults("openai")
        .withBaseUrl(args[1]);
    FineTuningProvider provider = new OpenAiProviderFactory().create(settings, context);
    JobRegistry registry = new JobRegistry(Path.of(args[2]));
    JobRecord record = new JobSubmitter(registry, context.clock(), context.retry(),
        context.sleeper(), context.notices())
        .submit(provider, settings, spec(Path.of(args[3])), null);
    System.out.println(record.clientKey() + " " + record.remoteJobId());
  }
}
