package dev.ragft.finetune.provider.local;

import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.provider.FineTuningConfig;
import dev.ragft.finetune.provider.FineTuningJobs;
import dev.ragft.finetune.provider.HttpSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.Providers;
import dev.ragft.finetune.testing.TestContexts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A separate JVM for {@link LocalResumeIT}: submits the test's local job and waits for its
 * training, which a crash point may end by halting the JVM. Arguments: registry folder, base
 * model, training file.
 */
public final class LocalTrainingChild {

  private LocalTrainingChild() {
  }

  /** Submits and waits; prints the job's line at the end. */
  public static void main(String[] args) {
    Path registry = Path.of(args[0]);
    ProviderContext context = new ProviderContext(name -> null, HttpSettings.defaults(),
        TestContexts.noJitter(), LocalJobs.untilIdle(registry), Clock.systemUTC(),
        System.out::println);
    FineTuningJobs jobs = new FineTuningJobs(FineTuningConfig.defaults(), Providers.standard(),
        new JobRegistry(registry), context);
    JobRecord record = jobs.submit(LocalResumeIT.settings(jobs),
        LocalProviderTest.spec(Path.of(args[1]), Path.of(args[2])), null);
    context.sleeper().sleep(Duration.ZERO);
    System.out.println(jobs.refresh(record.clientKey()).state().describe());
  }
}
