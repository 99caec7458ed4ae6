package dev.ragft.finetune.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.FilePurpose;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRequest;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.RemoteFile;
import dev.ragft.finetune.job.TrainingMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a local job: a cancellation ends the trainer after its current step without an
 * adapter; a time limit ends it after the step that reaches the limit, with the adapter trained
 * so far. The trainer reads its clock once when it starts and once per step, so a clock that
 * advances a minute per reading (or acts on a given reading) makes both deterministic.
 */
class LocalJobControlTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir
  Path dir;

  /** A clock whose n-th reading (from 0) is T0 plus n minutes, telling {@code onReading} each n. */
  private static final class SteppingClock extends Clock {
    private final AtomicInteger readings = new AtomicInteger();
    private final IntConsumer onReading;

    SteppingClock(IntConsumer onReading) {
      this.onReading = onReading;
    }

    @Override
    public Instant instant() {
      int n = readings.getAndIncrement();
      onReading.accept(n);
      return T0.plus(Duration.ofMinutes(n));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock keeps UTC");
    }
  }

  private JobHandle start(LocalProvider provider, Map<String, String> options) {
    Path model = LocalJobs.model();
    Path jobDir = dir.resolve("ft-job");
    Path training = LocalJobs.training(dir.resolve("train.jsonl"));
    try {
      Files.createDirectories(jobDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RemoteFile copy = provider.upload(training, FilePurpose.TRAINING, "ft-job", jobDir);
    provider.createJob(new JobRequest("ft-job", model.toString(), TrainingMethod.SFT,
        new Hyperparameters(null, null, 1e-2, 4, null, null, 7L, null), null, copy, null,
        jobDir));
    return new JobHandle("ft-job", jobDir);
  }

  @Test
  void a_cancelled_job_stops_after_its_current_step_and_writes_no_adapter() {
    Map<String, String> options = Map.of("steps", "500", "threads", "1");
    LocalProvider[] provider = new LocalProvider[1];
    JobHandle[] job = new JobHandle[1];
    // reading 1 is the trainer's reading during step 1: cancel then, as 'ft cancel' would
    SteppingClock clock = new SteppingClock(n -> {
      if (n == 1) {
        provider[0].cancel(job[0]);
      }
    });
    provider[0] = new LocalProvider("local", LocalOptions.parse("local", options), clock);
    job[0] = new JobHandle("ft-job", dir.resolve("ft-job"));

    start(provider[0], options);
    JobState state = provider[0].awaitIdle(job[0]);

    assertThat(state).isEqualTo(new JobState.Cancelled());
    LocalJobFolder folder = new LocalJobFolder(job[0].workDir());
    assertThat(folder.progress().orElseThrow().step()).isEqualTo(1);
    assertThat(provider[0].events(job[0])).extracting(JobEvent::message)
        .containsExactly("training starts: 500 steps over 8 conversations",
            "cancellation requested",
            folder.progress().map(p -> String.format(Locale.ROOT,
                "step 1 of 500: loss %.4f, %.0f tokens/s", p.loss(), p.tokensPerSecond()))
                .orElseThrow(),
            "training stopped: cancelled after step 1 of 500");
    assertThat(job[0].workDir().resolve("output/adapter.gguf")).doesNotExist();
    assertThat(job[0].workDir().resolve(LocalJobFolder.RESULT)).doesNotExist();
    assertThat(provider[0].cancel(job[0])).isEqualTo(new JobState.Cancelled());
    assertThat(provider[0].follow(job[0])).isEqualTo(new JobState.Cancelled());
  }

  @Test
  void a_time_limit_ends_training_after_the_step_that_reaches_it_with_the_adapter_so_far() {
    Map<String, String> options = Map.of("steps", "10", "threads", "1", "maxMinutes", "2");
    LocalProvider provider = new LocalProvider("local", LocalOptions.parse("local", options),
        new SteppingClock(n -> { }));

    JobHandle job = start(provider, options);
    JobState state = provider.awaitIdle(job);

    Path adapter = job.workDir().resolve("output/adapter.gguf");
    assertThat(state).isEqualTo(new JobState.Succeeded(null, adapter.toString()));
    assertThat(adapter).isRegularFile();
    LocalJobFolder folder = new LocalJobFolder(job.workDir());
    LocalJobFolder.Progress progress = folder.progress().orElseThrow();
    assertThat(progress.step()).isEqualTo(2);
    assertThat(progress.trainingSeconds()).isEqualTo(120.0);
    assertThat(provider.checkpoints(job)).extracting(Checkpoint::step).containsExactly(2L);
    assertThat(provider.events(job).getLast().message()).isEqualTo(String.format(
        Locale.ROOT, "training finished after step 2 of 10 (loss %.4f): the time limit"
            + " of 2 minutes was reached after step 2 of 10; adapter %s", progress.loss(),
        adapter));
  }
}
