package dev.ragft.eval.demo;

import dev.ragft.common.Progress;
import dev.ragft.eval.run.ProgressFactory;
import dev.ragft.finetune.build.BuildResult;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobEvent;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobState;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.provider.FineTuningConfig;
import dev.ragft.finetune.provider.FineTuningJobs;
import dev.ragft.finetune.provider.ProviderContext;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.provider.Providers;
import dev.ragft.finetune.job.JobRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's fine-tuning step: a job of the {@code local} provider (ragft's CPU LoRA trainer) in
 * the output folder's job registry, on the behaviour training set, within the time limit. The job
 * is submitted once: a second demo run finds it in the registry and uses its adapter (or finishes
 * it from its newest checkpoint).
 */
final class DemoTraining {

  /** How often the job's state is read while it trains. */
  private static final Duration POLL = Duration.ofSeconds(2);

  private final DemoOptions options;
  private final DemoModel model;
  private final ProgressFactory progress;
  private final PrintWriter out;

  /**
   * A finished job.
   *
   * @param jobKey the job's client key in the registry
   * @param adapter the GGUF LoRA adapter
   * @param summary the trainer's last words, e.g. how many steps it made
   */
  record Trained(String jobKey, Path adapter, String summary) {
  }

  DemoTraining(DemoOptions options, DemoModel model, ProgressFactory progress, PrintWriter out) {
    this.options = options;
    this.model = model;
    this.progress = progress;
    this.out = out;
  }

  /**
   * Trains (or finds the trained) adapter; empty when this demo trains nothing (a remote base
   * model) or training failed, which the demo reports and then evaluates without the fine-tuned
   * setups.
   */
  Optional<Trained> train(Path dir, BuildResult training) {
    if (!options.trainsLocally()) {
      out.println(options.finetunedModel() != null
          ? "  using " + options.finetunedModel() + ", fine-tuned at " + options.provider().id()
              + ", as the fine-tuned model (build its data with 'ragft ft build', train it with"
              + " 'ragft ft submit')"
          : "  skipped: the local trainer fine-tunes GGUF models in this process; give"
              + " --finetuned-model for a model fine-tuned at " + options.provider().id()
              + " (the finetuned and hybrid setups are left out)");
      return Optional.empty();
    }
    Path trainingFile = training.outputDir().resolve("train.openai.jsonl");
    FineTuningJobs jobs = new FineTuningJobs(FineTuningConfig.defaults(), Providers.standard(),
        new JobRegistry(dir.resolve(DemoConfigs.REGISTRY)), ProviderContext.standard(line -> {
          if (!line.startsWith("warning: the local trainer runs inside")) {
            out.println("  " + line);
          }
        }));
    Map<String, String> local = new TreeMap<>();
    local.put("maxMinutes", String.format(Locale.ROOT, "%s", options.trainMinutes()));
    if (options.trainSteps() != null) {
      local.put("steps", Integer.toString(options.trainSteps()));
    }
    if (options.threads() > 0) {
      local.put("threads", Integer.toString(options.threads()));
    }
    ProviderSettings settings = jobs.settings("local").withOptions(local);
    Hyperparameters hyperparameters = new Hyperparameters(options.trainSteps() == null ? 1 : null,
        null, null, null, null, null, options.seed(), null);
    JobSpec spec = new JobSpec(model.reference(), TrainingMethod.SFT, trainingFile, null,
        hyperparameters,
        "wrenbolt-demo", training.manifest().sha256());
    out.println("  LoRA on " + model.name() + " with ragft's CPU trainer, at most "
        + minutes(options.trainMinutes()) + " (--train-minutes); the adapter keeps what it"
        + " learned when time runs out");
    JobRecord submitted = jobs.submit(settings, spec, null);
    JobRecord done;
    try (Progress bar = progress.create("fine-tuning", 100, "%", "%")) {
      long[] shown = {0};
      done = jobs.watch(submitted.clientKey(), POLL, record -> {
        if (record.state() instanceof JobState.Running running && running.progress() != null) {
          long now = Math.round(running.progress() * 100);
          if (now > shown[0]) {
            bar.advance(now - shown[0]);
            shown[0] = now;
          }
        }
      });
      if (done.state() instanceof JobState.Succeeded) {
        bar.advance(100 - shown[0]);
      }
    }
    List<JobEvent> events = jobs.events(done.clientKey());
    String last = events.isEmpty() ? done.state().describe() : events.getLast().message();
    if (done.state() instanceof JobState.Succeeded succeeded && succeeded.adapterPath() != null) {
      out.println("  job " + done.clientKey() + " (registry " + DemoConfigs.REGISTRY + "): "
          + last);
      return Optional.of(new Trained(done.clientKey(), Path.of(succeeded.adapterPath()), last));
    }
    out.println("  WARNING: fine-tuning ended without an adapter (" + done.state().describe()
        + "); the finetuned and hybrid setups are left out. Details: ragft ft status "
        + done.clientKey() + " --registry " + dir.resolve(DemoConfigs.REGISTRY));
    return Optional.empty();
  }

  private static String minutes(double value) {
    return value == Math.rint(value) ? (long) value + " minutes"
        : String.format(Locale.ROOT, "%.1f minutes", value);
  }

}
