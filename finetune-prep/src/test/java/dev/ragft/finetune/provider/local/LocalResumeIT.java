package dev.ragft.finetune.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.job.CrashPoints;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.FineTuningConfig;
import dev.ragft.finetune.provider.FineTuningJobs;
import dev.ragft.finetune.provider.HttpSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.Providers;
import dev.ragft.finetune.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local job whose process dies (halted in a child JVM right after its first checkpoint) is
 * picked up by a later process: {@code status} reports it paused, {@code watch} resumes it from
 * the checkpoint, and the adapter is bit for bit the one an uninterrupted job trains.
 */
class LocalResumeIT {

  @TempDir
  Path dir;

  /** Six steps, a checkpoint every two, one PyTorch thread. */
  static ProviderSettings settings(FineTuningJobs jobs) {
    return jobs.settings("local").withOptions(Map.of("steps", "6", "checkpointEvery", "2",
        "threads", "1", "loraTargets", LocalJobs.TARGETS));
  }

  private static FineTuningJobs jobs(Path registry) {
    ProviderContext context = new ProviderContext(name -> null, HttpSettings.defaults(),
        TestContexts.noJitter(), LocalJobs.untilIdle(registry), Clock.systemUTC(), line -> { });
    return new FineTuningJobs(FineTuningConfig.defaults(), Providers.standard(),
        new JobRegistry(registry), context);
  }

  @Test
  void a_job_whose_process_died_resumes_from_its_checkpoint_to_the_same_adapter()
      throws Exception {
    Path model = LocalJobs.model();
    Path training = LocalJobs.training(dir.resolve("train.jsonl"));
    Path registry = dir.resolve("registry");

    Path log = dir.resolve("child.log");
    int exit = child(CrashPoints.LOCAL_CHECKPOINT, registry, model, training, log);

    assertThat(exit).as(Files.readString(log)).isEqualTo(CrashPoints.HALT_CODE);
    FineTuningJobs jobs = jobs(registry);
    String key = jobs.list().getFirst().clientKey();
    String paused = "paused at step 2 of 6: no ragft process is training it; 'ragft ft status "
        + key + " --watch' resumes it from its newest checkpoint";
    assertThat(jobs.refresh(key).state()).isEqualTo(new JobState.Running(2.0 / 6, paused));

    JobRecord resumed = jobs.watch(key, Duration.ofSeconds(1), record -> { });

    Path adapter = registry.resolve(key).resolve("output/adapter.gguf");
    assertThat(resumed.state()).isEqualTo(new JobState.Succeeded(null, adapter.toString()));
    assertThat(jobs.events(key)).extracting(JobEvent::message)
        .contains("training resumes from the newest checkpoint (the last run reached step 2"
            + " of 6)")
        .filteredOn(m -> m.startsWith("step ")).hasSize(6);

    Path other = dir.resolve("uninterrupted");
    FineTuningJobs straight = jobs(other);
    JobRecord done = straight.submit(settings(straight), LocalProviderTest.spec(model, training),
        null);
    JobRecord finished = straight.watch(done.clientKey(), Duration.ofSeconds(1), record -> { });
    assertThat(finished.clientKey()).isEqualTo(key);
    assertThat(Files.readAllBytes(adapter)).isEqualTo(Files.readAllBytes(
        other.resolve(key).resolve("output/adapter.gguf")));
  }

  private static int child(String haltAt, Path registry, Path model, Path training, Path output)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "-D" + CrashPoints.PROPERTY + "=" + haltAt, LocalTrainingChild.class.getName(),
        registry.toString(), model.toString(), training.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 180 s: "
          + Files.readString(output));
    }
    return process.exitValue();
  }
}
