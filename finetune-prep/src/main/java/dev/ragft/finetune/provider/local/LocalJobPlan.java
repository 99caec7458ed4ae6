package dev.ragft.finetune.provider.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.local.LocalTrainingConfig;
import dev.ragft.finetune.local.LoraConfig;
import dev.ragft.finetune.local.LoraTarget;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything a local job trains with, fixed when the job is created and kept in its folder, so
 * that a resumed run (after a restart) uses exactly the same settings and reaches the same adapter.
 * The output folder is not part of it: it is always {@code output/} in the job's folder.
 *
 * @param baseModel the absolute path of the GGUF base model
 * @param examples the training conversations
 * @param steps the optimizer steps
 * @param batchSize sequences per micro-batch
 * @param gradientAccumulation micro-batches per step
 * @param learningRate the peak learning rate
 * @param warmupSteps the warm-up steps
 * @param weightDecay the weight decay
 * @param maxSequenceLength the longest sequence in tokens
 * @param seed the seed
 * @param checkpointEvery the steps between checkpoints
 * @param threads PyTorch threads, 0 for one per processor
 * @param loraRank the LoRA rank
 * @param loraAlpha the LoRA alpha
 * @param loraDropout the LoRA dropout
 * @param loraTargets the adapted projections, in declaration order
 * @param maxMinutes the time limit in minutes, or null for none
 */
public record LocalJobPlan(
    @JsonProperty("base_model") String baseModel,
    @JsonProperty("examples") int examples,
    @JsonProperty("steps") int steps,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("gradient_accumulation") int gradientAccumulation,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("warmup_steps") int warmupSteps,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("max_sequence_length") int maxSequenceLength,
    @JsonProperty("seed") long seed,
    @JsonProperty("checkpoint_every") int checkpointEvery,
    @JsonProperty("threads") int threads,
    @JsonProperty("lora_rank") int loraRank,
    @JsonProperty("lora_alpha") double loraAlpha,
    @JsonProperty("lora_dropout") double loraDropout,
    @JsonProperty("lora_targets") List<LoraTarget> loraTargets,
    @JsonProperty("max_minutes") Double maxMinutes) {

  /** Validates the components by building the trainer's config once. */
  public LocalJobPlan {
    Objects.requireNonNull(baseModel, "baseModel");
    loraTargets = List.copyOf(EnumSet.copyOf(Objects.requireNonNull(loraTargets, "loraTargets")));
    if (maxMinutes != null && !(maxMinutes > 0)) {
      throw new IllegalArgumentException("maxMinutes must be > 0, but is: " + maxMinutes);
    }
    config(baseModel, steps, batchSize, gradientAccumulation, learningRate, warmupSteps,
        weightDecay, maxSequenceLength, seed, checkpointEvery, threads,
        new LoraConfig(loraRank, loraAlpha, loraDropout, EnumSet.copyOf(loraTargets)),
        Path.of("output"));
  }

  /**
   * The plan for a job: the hyperparameters it was submitted with over the provider's options,
   * over the trainer's defaults. With the epochs hyperparameter, the steps are
   * {@code ceil(epochs × examples / (batch size × gradient accumulation))}.
   */
  public static LocalJobPlan of(Path baseModel, int examples, Hyperparameters hyperparameters,
      LocalOptions options) {
    LocalTrainingConfig defaults = LocalTrainingConfig.builder(baseModel, Path.of("output"))
        .build();
    LoraConfig lora = LoraConfig.defaults();
    int batch = or(hyperparameters.batchSize(), defaults.batchSize());
    int accumulation = or(options.gradientAccumulation(), defaults.gradientAccumulation());
    int steps = hyperparameters.epochs() != null
        ? (int) Math.ceilDiv((long) hyperparameters.epochs() * examples, (long) batch * accumulation)
        : or(options.steps(), defaults.steps());
    int rank = or(hyperparameters.loraRank(), lora.rank());
    double alpha = hyperparameters.loraAlpha() != null ? hyperparameters.loraAlpha()
        : hyperparameters.loraRank() != null ? 2.0 * rank : lora.alpha();
    return new LocalJobPlan(baseModel.toAbsolutePath().normalize().toString(), examples,
        Math.max(1, steps), batch, accumulation,
        hyperparameters.learningRate() != null ? hyperparameters.learningRate()
            : defaults.learningRate(),
        or(options.warmupSteps(), defaults.warmupSteps()),
        options.weightDecay() != null ? options.weightDecay() : defaults.weightDecay(),
        or(options.maxSequenceLength(), defaults.maxSequenceLength()),
        hyperparameters.seed() != null ? hyperparameters.seed() : defaults.seed(),
        or(options.checkpointEvery(), defaults.checkpointEvery()),
        or(options.threads(), defaults.threads()), rank, alpha,
        options.loraDropout() != null ? options.loraDropout() : lora.dropout(),
        List.copyOf(options.loraTargets() != null ? options.loraTargets()
            : lora.orderedTargets()),
        options.maxMinutes());
  }

  /** The trainer's config, writing into {@code outputDir} and resuming from its checkpoints. */
  public LocalTrainingConfig config(Path outputDir) {
    return config(baseModel, steps, batchSize, gradientAccumulation, learningRate, warmupSteps,
        weightDecay, maxSequenceLength, seed, checkpointEvery, threads,
        new LoraConfig(loraRank, loraAlpha, loraDropout, EnumSet.copyOf(loraTargets)), outputDir);
  }

  private static LocalTrainingConfig config(String baseModel, int steps, int batchSize,
      int gradientAccumulation, double learningRate, int warmupSteps, double weightDecay,
      int maxSequenceLength, long seed, int checkpointEvery, int threads, LoraConfig lora,
      Path outputDir) {
    return LocalTrainingConfig.builder(Path.of(baseModel), outputDir).lora(lora).steps(steps)
        .batchSize(batchSize).gradientAccumulation(gradientAccumulation)
        .learningRate(learningRate).warmupSteps(warmupSteps).weightDecay(weightDecay)
        .maxSequenceLength(maxSequenceLength).seed(seed).checkpointEvery(checkpointEvery)
        .threads(threads).resume(true).build();
  }

  private static int or(Integer value, int fallback) {
    return value != null ? value : fallback;
  }
}
