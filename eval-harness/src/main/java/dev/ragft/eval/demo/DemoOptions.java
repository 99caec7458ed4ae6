package dev.ragft.eval.demo;

import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code ragft demo} runs with.
 *
 * @param out the folder everything is written under
 * @param provider where the base model runs
 * @param model the base model: a GGUF file or catalogue id (llamacpp), or the provider's model name
 * @param baseUrl the server of a remote provider; null for its default
 * @param apiKeyEnv the environment variable holding a remote provider's API key; null for none
 * @param finetunedModel a model already fine-tuned at a remote provider, evaluated as the
 *     fine-tuned arm instead of training one locally; null to train locally (llamacpp only)
 * @param cases the failure cases per corpus version, drawn stratified by category; null for all
 * @param trainMinutes the time limit of local fine-tuning, model loading included
 * @param trainSteps the optimizer steps of local fine-tuning; null for one pass over the data
 * @param maxTokens the longest reply, in tokens
 * @param contextSize the llama.cpp context window, in tokens
 * @param threads llama.cpp and trainer threads; 0 for one per processor
 * @param seed the seed of case sampling, training and generation
 * @param quiet whether to draw no progress lines
 */
public record DemoOptions(Path out, Provider provider, String model, String baseUrl,
    String apiKeyEnv, String finetunedModel, Integer cases, double trainMinutes,
    Integer trainSteps, int maxTokens, int contextSize, int threads, long seed, boolean quiet) {

  /** The cases per corpus version when none are asked for. */
  public static final int DEFAULT_CASES = 24;
  /** The default time limit of local fine-tuning, in minutes. */
  public static final double DEFAULT_TRAIN_MINUTES = 10;

  /** Validates. */
  public DemoOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(provider, "provider");
    if (cases != null && cases < 4) {
      throw new IllegalArgumentException("cases must be >= 4 (one per category), but is: "
          + cases);
    }
    if (!(trainMinutes > 0)) {
      throw new IllegalArgumentException("the training time limit must be > 0 minutes, but is: "
          + trainMinutes);
    }
    if (trainSteps != null && trainSteps < 1) {
      throw new IllegalArgumentException("training steps must be >= 1, but is: " + trainSteps);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens must be >= 1, but is: " + maxTokens);
    }
    if (contextSize < 256) {
      throw new IllegalArgumentException("the context size must be >= 256, but is: "
          + contextSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, but is: " + threads);
    }
    if (provider != Provider.LLAMACPP && (model == null || model.isBlank())) {
      throw new IllegalArgumentException("the " + provider.id() + " base model needs a model name"
          + " (--model)");
    }
    if (finetunedModel != null && provider == Provider.LLAMACPP) {
      throw new IllegalArgumentException("--finetuned-model names a model fine-tuned at a remote"
          + " provider; with llamacpp the demo fine-tunes the base model itself");
    }
  }

  /** Whether the demo fine-tunes the base model in this process. */
  public boolean trainsLocally() {
    return provider == Provider.LLAMACPP;
  }
}
