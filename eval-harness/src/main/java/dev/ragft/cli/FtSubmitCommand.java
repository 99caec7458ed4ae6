package dev.ragft.cli;

import dev.ragft.common.Hashes;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobReports;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.provider.FineTuningJobs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft ft submit}: submits a fine-tuning job exactly once (or continues one recorded
 * before), optionally following it to the end.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a fine-tuning job to a provider, exactly once: the job is recorded"
        + " before anything is uploaded, and submitting the same job again (or --resume after a"
        + " crash) continues it instead of paying twice.")
public final class FtSubmitCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  FtJobOptions options;

  @Option(names = "--provider", paramLabel = "NAME",
      description = "A configured provider, or a type: openai, together, fireworks, mistral,"
          + " command, local.")
  String provider;

  @Option(names = "--base-model", paramLabel = "MODEL", description = "The model to fine-tune"
      + " (local: a GGUF file or a downloaded catalogue id).")
  String baseModel;

  @Option(names = "--training", paramLabel = "FILE",
      description = "The training data, in the provider's format.")
  Path training;

  @Option(names = "--validation", paramLabel = "FILE", description = "The validation data.")
  Path validation;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "The dataset manifest the training data was built with (its SHA-256 is"
          + " recorded).")
  Path manifest;

  @Option(names = "--manifest-sha256", paramLabel = "HEX",
      description = "The SHA-256 of the dataset manifest, instead of --manifest.")
  String manifestSha256;

  @Option(names = "--method", paramLabel = "sft|dpo", description = "The training method (default:"
      + " sft).")
  String method;

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data.")
  Integer epochs;

  @Option(names = "--lr-multiplier", paramLabel = "X",
      description = "A factor on the provider's learning rate (OpenAI).")
  Double learningRateMultiplier;

  @Option(names = "--learning-rate", paramLabel = "X", description = "An absolute learning rate.")
  Double learningRate;

  @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step.")
  Integer batchSize;

  @Option(names = "--lora-rank", paramLabel = "N", description = "The LoRA rank.")
  Integer loraRank;

  @Option(names = "--lora-alpha", paramLabel = "N", description = "The LoRA alpha.")
  Integer loraAlpha;

  @Option(names = "--seed", paramLabel = "N", description = "The trainer's seed.")
  Long seed;

  @Option(names = "--dpo-beta", paramLabel = "X", description = "The DPO beta (dpo only).")
  Double dpoBeta;

  @Option(names = "--suffix", paramLabel = "TEXT",
      description = "A name part for the fine-tuned model.")
  String suffix;

  @Option(names = "--base-url", paramLabel = "URL", description = "Overrides the provider's base"
      + " URL.")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Overrides the environment variable the API key is read from.")
  String apiKeyEnv;

  @Option(names = "--account-id", paramLabel = "ID", description = "Overrides the account id"
      + " (Fireworks).")
  String accountId;

  @Option(names = "--option", paramLabel = "NAME=VALUE",
      description = "A provider option for this job, over the configured ones (local: steps,"
          + " maxMinutes, loraTargets, threads, ...); repeatable.")
  Map<String, String> providerOptions;

  @Option(names = "--client-key", paramLabel = "KEY",
      description = "Submit under this key instead of one derived from the job (to run the same"
          + " job again).")
  String clientKey;

  @Option(names = "--resume", paramLabel = "JOB",
      description = "Continue the recorded submission JOB from its last step; takes no job"
          + " options.")
  String resume;

  @Option(names = "--watch", description = "Follow the job until it ends.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How often --watch asks for the state (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    FineTuningJobs jobs = options.jobs(spec.commandLine().getErr());
    JobRecord record = resume != null ? resumeJob(jobs) : submitJob(jobs);
    out.println(JobReports.line(record));
    out.flush();
    return watch ? FtStatusCommand.follow(jobs, record.clientKey(), interval, out)
        : ExitCodes.OK;
  }

  private JobRecord resumeJob(FineTuningJobs jobs) {
    List<String> given = new ArrayList<>();
    addIf(given, provider != null, "--provider");
    addIf(given, baseModel != null, "--base-model");
    addIf(given, training != null, "--training");
    addIf(given, validation != null, "--validation");
    addIf(given, manifest != null || manifestSha256 != null, "--manifest");
    addIf(given, clientKey != null, "--client-key");
    addIf(given, providerOptions != null, "--option");
    addIf(given, !hyperparameters().given().isEmpty() || method != null || suffix != null,
        "job settings");
    if (!given.isEmpty()) {
      throw usage("--resume continues a recorded job with its recorded settings; drop "
          + String.join(", ", given));
    }
    return jobs.resume(resume);
  }

  private JobRecord submitJob(FineTuningJobs jobs) {
    require(provider, "--provider");
    require(baseModel, "--base-model");
    require(training, "--training");
    if ((manifest == null) == (manifestSha256 == null)) {
      throw usage("give exactly one of --manifest FILE and --manifest-sha256 HEX: every job"
          + " records the dataset manifest its data came from");
    }
    String manifestHash = manifestSha256;
    if (manifest != null) {
      if (!Files.isRegularFile(manifest)) {
        throw usage("--manifest " + manifest + " is not a file");
      }
      manifestHash = Hashes.sha256(manifest);
    }
    ProviderSettings settings = jobs.settings(provider);
    if (baseUrl != null) {
      settings = settings.withBaseUrl(baseUrl);
    }
    if (apiKeyEnv != null) {
      settings = settings.withApiKeyEnv(apiKeyEnv);
    }
    if (accountId != null) {
      settings = settings.withAccountId(accountId);
    }
    if (providerOptions != null) {
      settings = settings.withOptions(providerOptions);
    }
    JobSpec job;
    try {
      TrainingMethod trainingMethod = method == null ? TrainingMethod.SFT
          : TrainingMethod.parse("--method", method);
      job = new JobSpec(baseModel, trainingMethod, training, validation, hyperparameters(),
          suffix, manifestHash);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    return jobs.submit(settings, job, clientKey);
  }

  private Hyperparameters hyperparameters() {
    try {
      return new Hyperparameters(epochs, learningRateMultiplier, learningRate, batchSize, loraRank,
          loraAlpha, seed, dpoBeta);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private void require(Object value, String option) {
    if (value == null) {
      throw usage("missing " + option + " (or use --resume JOB)");
    }
  }

  private static void addIf(List<String> list, boolean condition, String option) {
    if (condition) {
      list.add(option);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
