package dev.ragft.finetune.job;

import java.util.EnumMap;
import java.util.Map;

/**
 * The training settings of one job; a null component means "the provider's default". Which
 * settings a provider accepts is stated by its {@link Capabilities}.
 *
 * @param epochs passes over the training data, at least 1
 * @param learningRateMultiplier a factor on the provider's learning rate, above 0
 * @param learningRate an absolute learning rate, above 0
 * @param batchSize examples per optimiser step, at least 1
 * @param loraRank the rank of the LoRA matrices, at least 1
 * @param loraAlpha the LoRA scaling factor, at least 1
 * @param seed the trainer's seed, 0 or more
 * @param dpoBeta the DPO beta, above 0 (DPO jobs only)
 */
public record Hyperparameters(
    Integer epochs,
    Double learningRateMultiplier,
    Double learningRate,
    Integer batchSize,
    Integer loraRank,
    Integer loraAlpha,
    Long seed,
    Double dpoBeta) {

  /** Validates the components. */
  public Hyperparameters {
    atLeast(Hyperparameter.EPOCHS, epochs, 1);
    positive(Hyperparameter.LEARNING_RATE_MULTIPLIER, learningRateMultiplier);
    positive(Hyperparameter.LEARNING_RATE, learningRate);
    atLeast(Hyperparameter.BATCH_SIZE, batchSize, 1);
    atLeast(Hyperparameter.LORA_RANK, loraRank, 1);
    atLeast(Hyperparameter.LORA_ALPHA, loraAlpha, 1);
    if (seed != null && seed < 0) {
      throw new IllegalArgumentException(Hyperparameter.SEED.describe() + " must be >= 0, but is: "
          + seed);
    }
    positive(Hyperparameter.DPO_BETA, dpoBeta);
  }

  /** No settings at all: every provider default. */
  public static Hyperparameters defaults() {
    return new Hyperparameters(null, null, null, null, null, null, null, null);
  }

  /** The settings that are given, in the order of {@link Hyperparameter}, with their values. */
  public Map<Hyperparameter, Number> given() {
    Map<Hyperparameter, Number> given = new EnumMap<>(Hyperparameter.class);
    put(given, Hyperparameter.EPOCHS, epochs);
    put(given, Hyperparameter.LEARNING_RATE_MULTIPLIER, learningRateMultiplier);
    put(given, Hyperparameter.LEARNING_RATE, learningRate);
    put(given, Hyperparameter.BATCH_SIZE, batchSize);
    put(given, Hyperparameter.LORA_RANK, loraRank);
    put(given, Hyperparameter.LORA_ALPHA, loraAlpha);
    put(given, Hyperparameter.SEED, seed);
    put(given, Hyperparameter.DPO_BETA, dpoBeta);
    return given;
  }

  private static void put(Map<Hyperparameter, Number> map, Hyperparameter key, Number value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static void atLeast(Hyperparameter name, Integer value, int minimum) {
    if (value != null && value < minimum) {
      throw new IllegalArgumentException(
          name.describe() + " must be >= " + minimum + ", but is: " + value);
    }
  }

  private static void positive(Hyperparameter name, Double value) {
    if (value != null && !(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name.describe() + " must be > 0, but is: " + value);
    }
  }
}
