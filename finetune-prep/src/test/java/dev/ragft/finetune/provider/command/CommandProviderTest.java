package dev.ragft.finetune.provider.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.JobSubmitter;
import dev.ragft.finetune.job.JobTracker;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.SubmissionStep;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.testing.TestContexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command provider with real child processes: small shell scripts standing in for TRL. */
class CommandProviderTest {

  private static final String MANIFEST = "7".repeat(64);
  private static final String TRAINING = "{\"messages\": [{\"role\": \"user\"}]}\n";

  @TempDir
  Path dir;
  private JobRegistry registry;
  private TestContexts.Recorded recorded;
  private Path training;

  @BeforeEach
  void setUp() throws IOException {
    registry = new JobRegistry(dir.resolve("registry"));
    recorded = TestContexts.recorded("UNUSED");
    training = dir.resolve("train.jsonl");
    Files.writeString(training, TRAINING);
  }

  private Path script(String name, String body) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    return script;
  }

  private static ProviderSettings settings(List<String> command, String adapterPath) {
    return new ProviderSettings("trl", "command", null, null, null, command, adapterPath,
        Map.of());
  }

  private FineTuningProvider provider(ProviderSettings settings) {
    return new CommandProviderFactory().create(settings, recorded.context());
  }

  private JobRecord submit(ProviderSettings settings, JobSpec spec) {
    return new JobSubmitter(registry, recorded.context().clock(), recorded.context().retry(),
        recorded.context().sleeper(), recorded.context().notices())
        .submit(provider(settings), settings, spec, null);
  }

  private JobSpec spec(Hyperparameters hyperparameters) {
    return new JobSpec("Qwen/Qwen2.5-0.5B-Instruct", TrainingMethod.SFT, training, null,
        hyperparameters, null, MANIFEST);
  }

  private JobState statusAfterExit(ProviderSettings settings, JobRecord record) throws Exception {
    Path workDir = registry.jobDir(record.clientKey());
    long pid = CommandProvider.processId(workDir).orElseThrow();
    ProcessHandle.of(pid).ifPresent(process -> {
      try {
        process.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the trainer did not end in 60 s", e);
      }
    });
    return new JobTracker(registry, recorded.context().clock(), recorded.sleeper())
        .refresh(record.clientKey(), provider(settings)).state();
  }

  @Test
  void runs_the_trainer_captures_its_log_and_records_the_adapter() throws Exception {
    Path trainer = script("train.sh", """
        printf '%s\\n' "$@" > "$RAGFT_JOB_DIR/args.txt"
        echo "loading $1"
        echo "warning: no GPU, training on CPU" >&2
        mkdir -p "$2/adapter" && cp "$1" "$2/adapter/seen.jsonl"
        echo "epoch 3/3 loss 0.12"
        """);
    ProviderSettings settings = settings(List.of("/bin/sh", trainer.toString(), "{train}",
        "{output_dir}", "--epochs={epochs}", "--lr={learning_rate}", "{base_model}"),
        "{output_dir}/adapter");
    JobRecord record = submit(settings, spec(
        new Hyperparameters(3, null, 2e-4, null, null, null, null, null)));
    Path workDir = registry.jobDir(record.clientKey());

    assertThat(record.step()).isEqualTo(SubmissionStep.CREATED);
    assertThat(record.state()).isInstanceOf(JobState.Running.class);
    JobState state = statusAfterExit(settings, record);

    Path adapter = workDir.resolve("output").resolve("adapter");
    assertThat(state).isEqualTo(new JobState.Succeeded(null, adapter.toString()));
    assertThat(Files.readAllLines(workDir.resolve("args.txt"))).containsExactly(
        workDir.resolve("training.jsonl").toString(), workDir.resolve("output").toString(),
        "--epochs=3", "--lr=2.0E-4", "Qwen/Qwen2.5-0.5B-Instruct");
    assertThat(Files.readString(adapter.resolve("seen.jsonl"))).isEqualTo(TRAINING);
    assertThat(Files.readAllLines(workDir.resolve(CommandProvider.LOG))).containsExactly(
        "loading " + workDir.resolve("training.jsonl"), "warning: no GPU, training on CPU",
        "epoch 3/3 loss 0.12");
    assertThat(Files.readAllLines(workDir.resolve("trainer.command")))
        .startsWith("/bin/sh", trainer.toString());
    assertThat(registry.modelsTrainedOn(MANIFEST)).singleElement()
        .satisfies(model -> assertThat(model.adapterPath()).isEqualTo(adapter.toString()));
  }

  @Test
  void a_non_zero_exit_is_a_failure_with_the_code_and_the_last_log_line() throws Exception {
    Path trainer = script("fail.sh", """
        echo "starting"
        echo "fatal: CUDA not available" >&2
        exit 3
        """);
    ProviderSettings settings = settings(List.of("/bin/sh", trainer.toString(), "{train}"), null);
    JobRecord record = submit(settings, spec(Hyperparameters.defaults()));
    Path log = registry.jobDir(record.clientKey()).resolve(CommandProvider.LOG);

    assertThat(statusAfterExit(settings, record)).isEqualTo(new JobState.Failed(
        "the trainer exited with code 3; last log line: fatal: CUDA not available; see " + log));
  }

  @Test
  void success_without_an_adapter_is_a_failure() throws Exception {
    Path trainer = script("nothing.sh", "echo done\n");
    ProviderSettings settings = settings(List.of("/bin/sh", trainer.toString(), "{train}"),
        "{output_dir}/adapter_model.safetensors");
    JobRecord record = submit(settings, spec(Hyperparameters.defaults()));
    Path workDir = registry.jobDir(record.clientKey());

    assertThat(statusAfterExit(settings, record)).isEqualTo(new JobState.Failed(
        "the trainer exited with code 0 but left no adapter at "
            + workDir.resolve("output").resolve("adapter_model.safetensors") + "; see "
            + workDir.resolve(CommandProvider.LOG)));
  }

  @Test
  void cancelling_stops_the_trainer_and_everything_it_started() throws Exception {
    Path fifo = dir.resolve("ready.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path trainer = script("long.sh", """
        sleep 600 &
        echo started > "%s"
        wait
        """.formatted(fifo));
    ProviderSettings settings = settings(List.of("/bin/sh", trainer.toString(), "{train}"), null);
    JobRecord record = submit(settings, spec(Hyperparameters.defaults()));
    String ready = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (BufferedReader reader = Files.newBufferedReader(fifo)) {
        return reader.readLine();
      }
    });
    assertThat(ready).isEqualTo("started");
    Path workDir = registry.jobDir(record.clientKey());
    ProcessHandle wrapper = ProcessHandle.of(CommandProvider.processId(workDir).orElseThrow())
        .orElseThrow();
    List<ProcessHandle> started = wrapper.descendants().toList();
    assertThat(started).hasSizeGreaterThanOrEqualTo(2);

    JobRecord cancelled = new JobTracker(registry, recorded.context().clock(), recorded.sleeper())
        .cancel(record.clientKey(), provider(settings));

    assertThat(cancelled.state()).isEqualTo(new JobState.Cancelled());
    wrapper.onExit().get(60, TimeUnit.SECONDS);
    for (ProcessHandle process : started) {
      process.onExit().get(60, TimeUnit.SECONDS);
      assertThat(process.isAlive()).isFalse();
    }
    assertThat(provider(settings).status(record.handle(workDir)))
        .isEqualTo(new JobState.Cancelled());
  }

  @Test
  void a_started_trainer_is_found_after_a_crash_instead_of_started_twice() throws Exception {
    Path trainer = script("quick.sh", "mkdir -p \"$2\"\n");
    ProviderSettings settings = settings(List.of("/bin/sh", trainer.toString(), "{train}",
        "{output_dir}"), null);
    JobRecord record = submit(settings, spec(Hyperparameters.defaults()));
    statusAfterExit(settings, record);

    var found = provider(settings).findJob(record.request(registry.jobDir(record.clientKey())));

    assertThat(found).isPresent();
    assertThat(found.get().id()).isEqualTo(record.clientKey());
    assertThat(found.get().state()).isInstanceOf(JobState.Succeeded.class);
  }

  @Test
  void accepts_exactly_the_hyperparameters_its_template_passes_on() throws IOException {
    ProviderSettings settings = settings(List.of("train", "{train}", "--epochs", "{epochs}"),
        null);
    FineTuningProvider provider = provider(settings);

    assertThatThrownBy(() -> provider.preflight(spec(
        new Hyperparameters(2, null, null, null, 16, null, null, null))))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'trl' cannot run this job as asked: it does not accept the LoRA"
            + " rank (--lora-rank) (it accepts: epochs (--epochs)).");
    assertThatThrownBy(() -> provider.preflight(spec(Hyperparameters.defaults())))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'trl' cannot start this job: its command uses {epochs} but the job"
            + " sets no epochs (--epochs).");
    assertThatThrownBy(() -> provider.preflight(new JobSpec("m", TrainingMethod.DPO, training,
        null, new Hyperparameters(1, null, null, null, null, null, null, null), null, MANIFEST)))
        .hasMessageStartingWith("provider 'trl' cannot run this job as asked: it does not offer"
            + " dpo training");
    assertThat(provider.preflight(spec(
        new Hyperparameters(2, null, null, null, null, null, null, null)))).isEmpty();
  }

  @Test
  void a_method_placeholder_lets_the_trainer_run_dpo() throws IOException {
    ProviderSettings settings = settings(List.of("train", "{train}", "--method", "{method}",
        "--beta", "{dpo_beta}"), null);

    assertThat(provider(settings).preflight(new JobSpec("m", TrainingMethod.DPO, training, null,
        new Hyperparameters(null, null, null, null, null, null, null, 0.1), null, MANIFEST)))
        .isEmpty();
  }

  @Test
  void bad_templates_and_settings_are_refused_when_the_provider_is_made() {
    assertThatThrownBy(() -> provider(settings(List.of("train", "{data}"), null)))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("provider 'trl' has an unknown placeholder {data} in its command;"
            + " known: base_model, batch_size, client_key, dpo_beta, epochs, job_dir,");
    assertThatThrownBy(() -> provider(settings(List.of(), null)))
        .hasMessage("provider 'trl' needs a command: the program and its arguments as a list.");
    assertThatThrownBy(() -> provider(settings(List.of("train"), "{output_dir}/{epochs}")))
        .hasMessage("provider 'trl' has the placeholder {epochs} in its adapterPath; only"
            + " {client_key}, {job_dir}, {output_dir} are allowed.");
    assertThatThrownBy(() -> provider(new ProviderSettings("trl", "command",
        "https://example.org", "KEY", null, List.of("train"), null, Map.of())))
        .hasMessage("provider 'trl' of type command does not use the settings baseUrl,"
            + " apiKeyEnv; remove them.");
  }

  @Test
  void a_value_with_braces_or_spaces_reaches_the_trainer_as_one_literal_argument() {
    CommandTemplate template = new CommandTemplate("trl", List.of("t", "--model={base_model}"));

    assertThat(template.render(Map.of("base_model", "my model {epochs}")))
        .containsExactly("t", "--model=my model {epochs}");
  }
}
