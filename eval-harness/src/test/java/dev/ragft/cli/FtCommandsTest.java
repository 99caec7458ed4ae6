package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.Hashes;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.provider.command.CommandProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ragft ft submit | status | cancel | list} end to end, with a real trainer process. */
class FtCommandsTest {

  @TempDir
  Path dir;
  private Path registry;
  private Path config;
  private Path training;
  private Path manifest;

  private record Run(int exitCode, String out, String err) {
  }

  @BeforeEach
  void setUp() throws IOException {
    registry = dir.resolve("registry");
    training = dir.resolve("train.jsonl");
    Files.writeString(training, "{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}\n");
    manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, "{\"sources\": []}\n");
    Path trainer = dir.resolve("train.sh");
    Files.writeString(trainer, """
        #!/bin/sh
        echo "training on $1 for $3 epochs"
        mkdir -p "$2" && echo weights > "$2/adapter.safetensors"
        """);
    config = dir.resolve("ft.yaml");
    Files.writeString(config, """
        providers:
          trl:
            type: command
            command: [/bin/sh, "%s", "{train}", "{output_dir}", "{epochs}"]
            adapterPath: "{output_dir}/adapter.safetensors"
        """.formatted(trainer));
  }

  private Run ragft(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Ragft.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int code = line.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String submitTrl() {
    Run run = ragft("ft", "submit", "--registry", registry.toString(), "--config",
        config.toString(), "--provider", "trl", "--base-model", "Qwen/Qwen2.5-0.5B-Instruct",
        "--training", training.toString(), "--manifest", manifest.toString(), "--epochs", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().split(" ")[0];
  }

  private void awaitTrainer(String key) throws Exception {
    Path workDir = new JobRegistry(registry).jobDir(key);
    long pid = CommandProvider.processId(workDir).orElseThrow();
    var process = ProcessHandle.of(pid);
    if (process.isPresent()) {
      process.get().onExit().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void submit_records_the_job_and_status_follows_it_to_its_adapter() throws Exception {
    String key = submitTrl();
    awaitTrainer(key);

    Run watched = ragft("ft", "status", key, "--watch", "--registry", registry.toString());
    Run shown = ragft("ft", "status", key.substring(0, 8), "--registry", registry.toString());

    Path adapter = new JobRegistry(registry).jobDir(key).resolve("output")
        .resolve("adapter.safetensors");
    assertThat(watched.exitCode()).as(watched.err()).isZero();
    assertThat(watched.out()).isEqualTo(key + " trl " + key + " succeeded: adapter " + adapter
        + System.lineSeparator());
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out()).contains("job:          " + key,
        "provider:     trl (command)", "settings:     epochs=2",
        "manifest:     " + Hashes.sha256(manifest), "adapter:      " + adapter, "history:",
        "  recorded", "  succeeded: adapter " + adapter);
    JobRecord record = new JobRegistry(registry).load(key);
    assertThat(record.state()).isEqualTo(new JobState.Succeeded(null, adapter.toString()));
    assertThat(new JobRegistry(registry).modelsTrainedOn(Hashes.sha256(manifest))).hasSize(1);
  }

  @Test
  void submitting_the_same_job_twice_does_not_start_it_twice() throws Exception {
    String key = submitTrl();
    awaitTrainer(key);

    Run again = ragft("ft", "submit", "--registry", registry.toString(), "--config",
        config.toString(), "--provider", "trl", "--base-model", "Qwen/Qwen2.5-0.5B-Instruct",
        "--training", training.toString(), "--manifest", manifest.toString(), "--epochs", "2");

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).startsWith(key + " trl " + key + " ");
    assertThat(again.err()).contains("ragft: job " + key + " was submitted before");
    assertThat(Files.readAllLines(new JobRegistry(registry).jobDir(key)
        .resolve(CommandProvider.LOG))).containsExactly(
        "training on " + new JobRegistry(registry).jobDir(key).resolve("training.jsonl")
            + " for 2 epochs");
  }

  @Test
  void list_shows_a_table_and_cancel_of_a_finished_job_is_a_runtime_error() throws Exception {
    String key = submitTrl();
    awaitTrainer(key);
    ragft("ft", "status", key, "--registry", registry.toString());

    Run list = ragft("ft", "list", "--registry", registry.toString());
    Run cancel = ragft("ft", "cancel", key, "--registry", registry.toString());
    Run none = ragft("ft", "list", "--registry", registry.toString(), "--provider", "openai");

    assertThat(list.exitCode()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("JOB").contains("PROVIDER", "BASE MODEL", "CREATED",
        "STATE");
    assertThat(lines.get(1)).startsWith(key).contains("trl", "Qwen/Qwen2.5-0.5B-Instruct",
        "succeeded: adapter");
    assertThat(cancel.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(cancel.err()).isEqualTo("ragft: job " + key + " has already ended (succeeded:"
        + " adapter " + new JobRegistry(registry).jobDir(key).resolve("output")
        .resolve("adapter.safetensors") + "); there is nothing to cancel." + System.lineSeparator());
    assertThat(none.out()).isEqualTo("no jobs in " + registry.toAbsolutePath()
        + System.lineSeparator());
  }

  @Test
  void usage_errors_exit_2_with_the_problem() {
    Run noManifest = ragft("ft", "submit", "--registry", registry.toString(), "--provider", "trl",
        "--config", config.toString(), "--base-model", "m", "--training", training.toString());
    Run badEpochs = ragft("ft", "submit", "--registry", registry.toString(), "--provider", "trl",
        "--config", config.toString(), "--base-model", "m", "--training", training.toString(),
        "--manifest-sha256", "a".repeat(64), "--epochs", "0");
    Run resumeWithOptions = ragft("ft", "submit", "--registry", registry.toString(),
        "--resume", "ft-x", "--epochs", "3");
    Run noSubcommand = ragft("ft");

    assertThat(noManifest.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noManifest.err()).startsWith("ragft: give exactly one of --manifest FILE and"
        + " --manifest-sha256 HEX: every job records the dataset manifest its data came from");
    assertThat(badEpochs.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEpochs.err()).startsWith("ragft: epochs (--epochs) must be >= 1, but is: 0");
    assertThat(resumeWithOptions.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(resumeWithOptions.err()).startsWith("ragft: --resume continues a recorded job"
        + " with its recorded settings; drop job settings");
    assertThat(noSubcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSubcommand.err()).startsWith("ragft: choose a subcommand: build, validate,"
        + " export, estimate, forget, submit, status, cancel, list\n");
  }

  @Test
  void runtime_errors_exit_3_with_one_sentence() {
    Run unknownJob = ragft("ft", "status", "ft-nothing", "--registry", registry.toString());
    Run noKey = ragft("ft", "submit", "--registry", registry.toString(), "--provider", "mistral",
        "--api-key-env", "RAGFT_TEST_SURELY_UNSET_KEY", "--base-url", "http://127.0.0.1:9",
        "--base-model", "open-mistral-7b", "--training", training.toString(),
        "--manifest-sha256", "a".repeat(64));
    Run unsupported = ragft("ft", "submit", "--registry", registry.toString(), "--config",
        config.toString(), "--provider", "trl", "--base-model", "m", "--training",
        training.toString(), "--manifest-sha256", "a".repeat(64), "--lora-rank", "8");

    assertThat(unknownJob.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(unknownJob.err()).isEqualTo("ragft: the job registry " + registry.toAbsolutePath()
        + " has no job ft-nothing." + System.lineSeparator());
    assertThat(noKey.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(noKey.err()).isEqualTo("ragft: provider 'mistral' needs an API key: set the"
        + " environment variable RAGFT_TEST_SURELY_UNSET_KEY (or name another one with"
        + " apiKeyEnv)." + System.lineSeparator());
    assertThat(unsupported.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(unsupported.err()).startsWith("ragft: provider 'trl' cannot run this job as asked:"
        + " it does not accept the LoRA rank (--lora-rank)");
  }

  @Test
  void an_interrupted_submission_is_shown_with_how_to_finish_it() throws IOException {
    Run noKey = ragft("ft", "submit", "--registry", registry.toString(), "--provider", "mistral",
        "--api-key-env", "RAGFT_TEST_SURELY_UNSET_KEY", "--base-url", "http://127.0.0.1:9",
        "--base-model", "open-mistral-7b", "--training", training.toString(),
        "--manifest-sha256", "a".repeat(64));
    String key = new JobRegistry(registry).list().get(0).clientKey();

    Run shown = ragft("ft", "status", key, "--registry", registry.toString());

    assertThat(noKey.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out()).contains("state:        submission stopped at recorded",
        "note: the submission stopped before the provider created the job; run 'ragft ft submit"
            + " --resume " + key + "' to finish it.");
  }
}
