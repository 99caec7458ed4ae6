package dev.ragft.finetune.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.Checkpoint;
import dev.ragft.finetune.job.HistoryEntry;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainedModel;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.job.UnsupportedFeatureException;
import dev.ragft.finetune.local.LoraTarget;
import dev.ragft.finetune.provider.FineTuningConfig;
import dev.ragft.finetune.provider.FineTuningJobs;
import dev.ragft.finetune.provider.HttpSettings;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.provider.Providers;
import dev.ragft.finetune.testing.TestContexts;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufLoraAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local provider end to end on stories260K through the same job operations as every other
 * provider: submit starts a background training and returns, watch follows it to its GGUF adapter,
 * the registry lists the model, events and checkpoints come from the job folder; submitting again
 * trains nothing twice.
 */
class LocalProviderTest {

  static final String MANIFEST = "ab".repeat(32);

  @TempDir
  Path dir;
  private Path registryRoot;
  private FineTuningJobs jobs;
  private final List<String> notices = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    registryRoot = dir.resolve("registry");
    ProviderContext context = new ProviderContext(name -> null, HttpSettings.defaults(),
        TestContexts.noJitter(), LocalJobs.untilIdle(registryRoot), Clock.systemUTC(),
        notices::add);
    jobs = new FineTuningJobs(FineTuningConfig.defaults(), Providers.standard(),
        new JobRegistry(registryRoot), context);
  }

  static ProviderSettings settings(FineTuningJobs jobs, String steps) {
    return jobs.settings("local").withOptions(Map.of("steps", steps, "threads", "1",
        "loraTargets", LocalJobs.TARGETS, "checkpointEvery", "2"));
  }

  static JobSpec spec(Path model, Path training) {
    return new JobSpec(model.toString(), TrainingMethod.SFT, training, null,
        new Hyperparameters(null, null, 1e-2, 4, null, null, 7L, null), null, MANIFEST);
  }

  @Test
  void a_submitted_job_trains_in_the_background_and_watch_follows_it_to_its_adapter()
      throws Exception {
    Path model = LocalJobs.model();
    Path training = LocalJobs.training(dir.resolve("train.jsonl"));

    JobRecord submitted = jobs.submit(settings(jobs, "4"), spec(model, training), null);

    assertThat(submitted.state()).isInstanceOf(JobState.Running.class);
    assertThat(submitted.remoteJobId()).isEqualTo(submitted.clientKey());
    assertThat(notices).contains("warning: the local trainer runs inside this ragft process; if"
        + " the process ends before the job does, 'ragft ft status JOB --watch' resumes it from"
        + " its newest checkpoint.");
    JobRecord done = jobs.watch(submitted.clientKey(), Duration.ofSeconds(1), record -> { });

    Path jobDir = registryRoot.resolve(submitted.clientKey());
    Path adapter = jobDir.resolve("output").resolve("adapter.gguf");
    assertThat(done.state()).isEqualTo(new JobState.Succeeded(null, adapter.toString()));
    assertThat(done.history()).extracting(HistoryEntry::change).last()
        .isEqualTo("succeeded: adapter " + adapter);
    try (GgufFile lora = GgufFile.open(adapter); GgufFile base = GgufFile.open(model)) {
      GgufLoraAdapter read = GgufLoraAdapter.read(lora);
      read.checkBase(base);
      assertThat(lora.tensor("output.weight.lora_b")).isPresent();
    }
    assertThat(jobs.registry().modelsTrainedOn(MANIFEST)).containsExactly(new TrainedModel(
        submitted.clientKey(), "local", model.toString(), null, adapter.toString()));

    List<JobEvent> events = jobs.events(submitted.clientKey());
    assertThat(events).extracting(JobEvent::message).first()
        .isEqualTo("training starts: 4 steps over 8 conversations");
    assertThat(events).extracting(JobEvent::message).filteredOn(m -> m.startsWith("step "))
        .hasSize(4).allMatch(m -> m.matches("step [1-4] of 4: loss \\d+\\.\\d{4}, \\d+ tokens/s"));
    assertThat(events.getLast().message()).startsWith("training finished after step 4 of 4")
        .endsWith("; adapter " + adapter);
    LocalJobFolder.Progress progress = new LocalJobFolder(jobDir).progress().orElseThrow();
    assertThat(progress.step()).isEqualTo(4);
    List<Checkpoint> checkpoints = jobs.checkpoints(submitted.clientKey());
    assertThat(checkpoints).extracting(Checkpoint::step).containsExactly(2L, 4L);
    assertThat(checkpoints.getLast().metrics()).containsEntry("train_loss", progress.loss());
    assertThat(checkpoints.getLast().id())
        .isEqualTo(jobDir.resolve("output/checkpoints/step-000004").toString());
    double first = Double.parseDouble(events.get(1).message().replaceAll(".*loss ([0-9.]+).*",
        "$1"));
    assertThat(progress.loss()).isLessThan(first);

    notices.clear();
    JobRecord again = jobs.submit(settings(jobs, "4"), spec(model, training), null);
    assertThat(again.clientKey()).isEqualTo(submitted.clientKey());
    assertThat(notices).contains("job " + submitted.clientKey() + " was submitted before"
        + " (succeeded: adapter " + adapter + "); nothing to do.");
    assertThat(jobs.events(submitted.clientKey())).extracting(JobEvent::message)
        .filteredOn(m -> m.startsWith("training starts")).hasSize(1);
    assertThat(Files.readString(jobDir.resolve("training.jsonl")))
        .isEqualTo(Files.readString(training));
  }

  @Test
  void follow_restarts_a_job_that_no_process_is_training() throws Exception {
    Path model = LocalJobs.model();
    Path jobDir = Files.createDirectories(registryRoot.resolve("ft-orphan"));
    LocalJobs.training(jobDir.resolve("training.jsonl"));
    LocalJobFolder folder = new LocalJobFolder(jobDir);
    folder.writePlan(LocalJobPlan.of(model, 8,
        new Hyperparameters(null, null, 1e-2, 4, null, null, 7L, null),
        LocalOptions.parse("local", Map.of("steps", "2", "threads", "1"))));
    LocalProvider provider = new LocalProvider("local", LocalOptions.parse("local", Map.of()),
        Clock.systemUTC());
    JobHandle handle = new JobHandle("ft-orphan", jobDir);

    assertThat(provider.status(handle)).isEqualTo(new JobState.Running(null, "paused before its"
        + " first step: no ragft process is training it; 'ragft ft status ft-orphan --watch'"
        + " resumes it from its newest checkpoint"));
    assertThat(provider.follow(handle)).isEqualTo(new JobState.Running(null, "starting again"));
    JobState done = provider.awaitIdle(handle);

    assertThat(done).isEqualTo(new JobState.Succeeded(null,
        jobDir.resolve("output/adapter.gguf").toString()));
    assertThat(provider.follow(handle)).isEqualTo(done);
  }

  @Test
  void options_are_checked_when_the_provider_is_made() {
    Providers providers = Providers.standard();
    ProviderContext context = TestContexts.recorded("UNUSED").context();
    assertThatThrownBy(() -> providers.create(ProviderSettings.of("mine", "local")
        .withOptions(Map.of("stepz", "3", "color", "red")), context))
        .isInstanceOf(RagftException.class)
        .hasMessage("provider 'mine' of type local does not know the options color, stepz; its"
            + " options are checkpointEvery, gradientAccumulation, loraDropout, loraTargets,"
            + " maxMinutes, maxSequenceLength, steps, threads, warmupSteps, weightDecay.");
    assertThatThrownBy(() -> providers.create(ProviderSettings.of("mine", "local")
        .withOptions(Map.of("maxMinutes", "0")), context))
        .hasMessage("provider 'mine' has the option maxMinutes = '0', which must be a number"
            + " > 0.");
    assertThatThrownBy(() -> providers.create(ProviderSettings.of("mine", "local")
        .withOptions(Map.of("loraTargets", "q,mlp")), context))
        .hasMessage("provider 'mine' has the option loraTargets = 'q,mlp', which must be a"
            + " comma-separated list of q, k, v, o, gate, up, down, output.");
    assertThatThrownBy(() -> providers.create(ProviderSettings.of("mine", "local")
        .withOptions(Map.of("loraDropout", "1")), context))
        .hasMessage("provider 'mine' has the option loraDropout = '1', which must be a number"
            + " in [0, 1).");
    assertThatThrownBy(() -> providers.create(ProviderSettings.of("mine", "local")
        .withBaseUrl("http://localhost:1"), context))
        .hasMessage("provider 'mine' of type local does not use the setting baseUrl; remove it.");
  }

  @Test
  void preflight_refuses_what_the_trainer_cannot_do_before_anything_is_recorded()
      throws Exception {
    Path model = LocalJobs.model();
    Path training = LocalJobs.training(dir.resolve("train.jsonl"));
    LocalProvider provider = new LocalProvider("local",
        LocalOptions.parse("local", Map.of("steps", "3")), Clock.systemUTC());

    assertThatThrownBy(() -> provider.preflight(new JobSpec(model.toString(), TrainingMethod.SFT,
        training, null, new Hyperparameters(2, null, null, null, null, null, null, null), null,
        MANIFEST)))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("provider 'local' cannot run this job as asked: it has the option steps = 3"
            + " and the job sets epochs (--epochs); give one of them.");
    assertThatThrownBy(() -> provider.preflight(new JobSpec(model.toString(), TrainingMethod.DPO,
        training, training, new Hyperparameters(null, 1.5, null, null, null, null, null, null),
        null, MANIFEST)))
        .hasMessage("provider 'local' cannot run this job as asked: it does not offer dpo"
            + " training; it does not accept the learning-rate multiplier (--lr-multiplier); it"
            + " takes no validation file (it accepts: epochs (--epochs), learning rate"
            + " (--learning-rate), batch size (--batch-size), LoRA rank (--lora-rank), LoRA alpha"
            + " (--lora-alpha), seed (--seed)).");
    assertThatThrownBy(() -> provider.preflight(spec(dir.resolve("nowhere.gguf"), training)))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("provider 'local' fine-tunes a GGUF file, but the base model '"
            + dir.resolve("nowhere.gguf") + "' is neither a file nor a catalogue id (");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, Files.readString(training)
        + "{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}\n");
    assertThatThrownBy(() -> provider.preflight(spec(model, bad)))
        .isInstanceOf(InputException.class)
        .hasMessage("bad.jsonl:9: field \"messages[0].role\" must be system, user or assistant");
  }

  @Test
  void the_plan_turns_epochs_into_steps_and_reads_back_from_the_job_folder() throws Exception {
    Path model = dir.resolve("m.gguf");
    LocalJobPlan plan = LocalJobPlan.of(model, 10,
        new Hyperparameters(3, null, 5e-3, 4, 4, null, 9L, null),
        LocalOptions.parse("local", Map.of("loraTargets", "q, v ,output", "maxMinutes", "1.5",
            "gradientAccumulation", "1", "threads", "1")));

    assertThat(plan.steps()).isEqualTo(8);
    assertThat(plan.loraRank()).isEqualTo(4);
    assertThat(plan.loraAlpha()).isEqualTo(8.0);
    assertThat(plan.loraTargets()).containsExactly(LoraTarget.Q,
        LoraTarget.V, LoraTarget.OUTPUT);
    assertThat(plan.maxMinutes()).isEqualTo(1.5);
    assertThat(plan.config(dir.resolve("out")).learningRate()).isEqualTo(5e-3);
    assertThat(plan.config(dir.resolve("out")).seed()).isEqualTo(9L);
    LocalJobFolder folder = new LocalJobFolder(Files.createDirectories(dir.resolve("job")));
    folder.writePlan(plan);
    assertThat(folder.plan()).isEqualTo(plan);
    assertThat(Files.readString(folder.file(LocalJobFolder.PLAN)))
        .contains("\"base_model\" : \"" + model.toAbsolutePath() + "\"");
  }
}
