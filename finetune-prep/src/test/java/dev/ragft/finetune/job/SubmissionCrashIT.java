package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.testing.FakeOpenAi;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a submission in a child JVM ({@code Runtime.halt} at a named point) and restarts it in a
 * fresh JVM against the loopback OpenAI fake, which counts uploads and job creations: whatever the
 * point, the restart completes the job with exactly one upload and one job. Also kills a registry
 * write halfway and checks that the previous record is still the one read.
 */
class SubmissionCrashIT {

  @TempDir
  Path dir;
  private LoopbackServer server;
  private FakeOpenAi fake;
  private Path registry;
  private Path training;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start();
    fake = new FakeOpenAi(server, TestContexts.FAKE_KEY);
    registry = dir.resolve("registry");
    training = dir.resolve("train.jsonl");
    Files.writeString(training, "{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "killed at {0}")
  @CsvSource({
      "recorded,            RECORDED,    0, 0",
      "uploaded-unrecorded, RECORDED,    1, 0",
      "create-sent,         CREATE_SENT, 1, 0",
      "created-unrecorded,  CREATE_SENT, 1, 1"})
  void a_killed_submission_completes_exactly_once_after_a_restart(String point,
      SubmissionStep stepAtCrash, int uploadsAtCrash, int jobsAtCrash) throws Exception {
    Result crashed = child(point, "submit", fake.baseUrl(), registry.toString(),
        training.toString());

    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(CrashPoints.HALT_CODE);
    JobRecord atCrash = new JobRegistry(registry).list().get(0);
    assertThat(atCrash.step()).isEqualTo(stepAtCrash);
    assertThat(fake.uploads()).isEqualTo(uploadsAtCrash);
    assertThat(fake.creations()).isEqualTo(jobsAtCrash);

    Result restarted = child(null, "submit", fake.baseUrl(), registry.toString(),
        training.toString());

    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    JobRecord done = new JobRegistry(registry).load(atCrash.clientKey());
    assertThat(done.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(done.remoteJobId()).isEqualTo("ftjob-1");
    assertThat(done.remoteTrainingFile().id()).isEqualTo("file-1");
    assertThat(fake.uploads()).isEqualTo(1);
    assertThat(fake.creations()).isEqualTo(1);
    assertThat(restarted.output()).contains(atCrash.clientKey() + " ftjob-1");
  }

  @Test
  void a_registry_write_killed_halfway_leaves_the_previous_record() throws Exception {
    JobRegistry jobs = new JobRegistry(registry);
    JobRecord v1 = jobs.createIfAbsent(JobRegistryTest.record("ft-torn", CrashingSubmission.MANIFEST,
        Instant.parse("2026-11-21T10:00:00Z")));

    Result crashed = child(CrashPoints.REGISTRY_MID_WRITE, "update", registry.toString(),
        "ft-torn");

    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(CrashPoints.HALT_CODE);
    Path file = registry.resolve("ft-torn").resolve(JobRegistry.RECORD_FILE);
    assertThat(Files.size(AtomicFiles.temp(file))).isPositive();
    assertThat(jobs.load("ft-torn")).isEqualTo(v1);

    Result again = child(null, "update", registry.toString(), "ft-torn");

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(jobs.load("ft-torn").state()).isEqualTo(new JobState.Running(0.5, "half way"));
  }

  private record Result(int exitCode, String output) {
  }

  private Result child(String haltAt, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    if (haltAt != null) {
      command.add("-D" + CrashPoints.PROPERTY + "=" + haltAt);
    }
    command.add(CrashingSubmission.class.getName());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "child", ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().put("OPENAI_API_KEY", TestContexts.FAKE_KEY);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 120 s: "
          + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
