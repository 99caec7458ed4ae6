package dev.ragft.finetune.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a local LoRA training run needs. Build one with {@link #builder(Path, Path)}, which
 * holds the defaults in one place.
 *
 * @param baseModel the GGUF base model (llama or qwen2; F32, F16, BF16, Q8_0, Q4_0, Q4_K or Q6_K
 *     tensors)
 * @param outputDir where the adapter, its PEFT copy and the checkpoints go
 * @param lora the LoRA settings
 * @param steps the number of optimizer steps
 * @param batchSize the sequences per micro-batch
 * @param gradientAccumulation the micro-batches per optimizer step
 * @param learningRate the peak learning rate
 * @param warmupSteps the steps over which the learning rate rises linearly from 0
 * @param weightDecay AdamW's decoupled weight decay
 * @param maxGradNorm the global gradient norm to clip to, 0 for no clipping
 * @param maxSequenceLength the longest sequence in tokens; longer examples are cut at the end
 * @param seed the seed of the LoRA initialisation, data order and dropout
 * @param checkpointEvery save a checkpoint every this many steps (and after the last), 0 for only
 *     after the last
 * @param resume whether to continue from the newest checkpoint in {@code outputDir} when there is one
 * @param threads the threads PyTorch uses inside an op, 0 for one per processor; results are
 *     reproducible for a fixed thread count
 */
public record LocalTrainingConfig(Path baseModel, Path outputDir, LoraConfig lora, int steps,
    int batchSize, int gradientAccumulation, double learningRate, int warmupSteps,
    double weightDecay, double maxGradNorm, int maxSequenceLength, long seed, int checkpointEvery,
    boolean resume, int threads) {

  /** Validates every setting, naming the bad one. */
  public LocalTrainingConfig {
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(lora, "lora");
    positive("steps", steps);
    positive("batchSize", batchSize);
    positive("gradientAccumulation", gradientAccumulation);
    positive("maxSequenceLength", maxSequenceLength);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, but is: " + learningRate);
    }
    if (warmupSteps < 0 || checkpointEvery < 0 || threads < 0) {
      throw new IllegalArgumentException("warmupSteps, checkpointEvery and threads must be >= 0,"
          + " but are: " + warmupSteps + ", " + checkpointEvery + ", " + threads);
    }
    if (!(weightDecay >= 0) || !(maxGradNorm >= 0)) {
      throw new IllegalArgumentException("weightDecay and maxGradNorm must be >= 0, but are: "
          + weightDecay + ", " + maxGradNorm);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, but is: " + value);
    }
  }

  /** The learning rate of optimizer step {@code step} (1-based): linear warm-up, then constant. */
  public double learningRateAt(int step) {
    return warmupSteps == 0 || step > warmupSteps ? learningRate
        : learningRate * step / warmupSteps;
  }

  /** A builder with the defaults below. */
  public static Builder builder(Path baseModel, Path outputDir) {
    return new Builder(baseModel, outputDir);
  }

  /**
   * Builds a config. Defaults: {@link LoraConfig#defaults()}, 100 steps, batch 4, accumulation 1,
   * learning rate 2e-4, no warm-up, no weight decay, gradient norm clipped to 1, sequences of at
   * most 512 tokens, seed 42, a checkpoint every 50 steps, resume on, one PyTorch thread per
   * processor.
   */
  public static final class Builder {
    private final Path baseModel;
    private final Path outputDir;
    private LoraConfig lora = LoraConfig.defaults();
    private int steps = 100;
    private int batchSize = 4;
    private int gradientAccumulation = 1;
    private double learningRate = 2e-4;
    private int warmupSteps;
    private double weightDecay;
    private double maxGradNorm = 1.0;
    private int maxSequenceLength = 512;
    private long seed = 42;
    private int checkpointEvery = 50;
    private boolean resume = true;
    private int threads;

    private Builder(Path baseModel, Path outputDir) {
      this.baseModel = baseModel;
      this.outputDir = outputDir;
    }

    /** Sets the LoRA settings. */
    public Builder lora(LoraConfig value) {
      lora = value;
      return this;
    }

    /** Sets the number of optimizer steps. */
    public Builder steps(int value) {
      steps = value;
      return this;
    }

    /** Sets the sequences per micro-batch. */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /** Sets the micro-batches per optimizer step. */
    public Builder gradientAccumulation(int value) {
      gradientAccumulation = value;
      return this;
    }

    /** Sets the peak learning rate. */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /** Sets the warm-up steps. */
    public Builder warmupSteps(int value) {
      warmupSteps = value;
      return this;
    }

    /** Sets the weight decay. */
    public Builder weightDecay(double value) {
      weightDecay = value;
      return this;
    }

    /** Sets the gradient norm clip, 0 for none. */
    public Builder maxGradNorm(double value) {
      maxGradNorm = value;
      return this;
    }

    /** Sets the longest sequence in tokens. */
    public Builder maxSequenceLength(int value) {
      maxSequenceLength = value;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Sets the checkpoint interval in steps, 0 for only after the last step. */
    public Builder checkpointEvery(int value) {
      checkpointEvery = value;
      return this;
    }

    /** Sets whether to resume from the newest checkpoint. */
    public Builder resume(boolean value) {
      resume = value;
      return this;
    }

    /** Sets the PyTorch intra-op threads, 0 for one per processor. */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** The validated config. */
    public LocalTrainingConfig build() {
      return new LocalTrainingConfig(baseModel, outputDir, lora, steps, batchSize,
          gradientAccumulation, learningRate, warmupSteps, weightDecay, maxGradNorm,
          maxSequenceLength, seed, checkpointEvery, resume, threads);
    }
  }
}
