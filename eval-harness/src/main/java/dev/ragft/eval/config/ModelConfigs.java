package dev.ragft.eval.config;

import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.Provider;
import java.util.List;

/** Copies of a {@link ChatModelConfig} with some settings changed. */
public final class ModelConfigs {

  /** The settings a run sets for every model, which a model in an eval configuration must not. */
  public static final List<String> RUN_WIDE = List.of("temperature", "seed", "maxTokens", "cache",
      "cacheDir", "maxRetries");

  private ModelConfigs() {
  }

  /** A copy that runs another model: a GGUF path or catalogue id, or a remote model name. */
  public static ChatModelConfig withModel(ChatModelConfig c, String model) {
    return new ChatModelConfig(c.provider(), model, c.name(), c.baseUrl(), c.apiKeyEnv(),
        c.adapters(), c.contextSize(), c.threads(), c.chatTemplate(), c.nativeLog(),
        c.temperature(), c.topP(), c.topK(), c.maxTokens(), c.seed(), c.stop(),
        c.timeoutSeconds(), c.maxRetries(), c.cache(), c.cacheDir());
  }

  /** A copy with these LoRA adapters ({@code PATH} or {@code PATH=SCALE}). */
  public static ChatModelConfig withAdapters(ChatModelConfig c, List<String> adapters) {
    return new ChatModelConfig(c.provider(), c.model(), c.name(), c.baseUrl(), c.apiKeyEnv(),
        adapters, c.contextSize(), c.threads(), c.chatTemplate(), c.nativeLog(),
        c.temperature(), c.topP(), c.topK(), c.maxTokens(), c.seed(), c.stop(),
        c.timeoutSeconds(), c.maxRetries(), c.cache(), c.cacheDir());
  }

  /**
   * A copy as the runner opens it: without the factory's response cache (the runner keeps its
   * own, to know which answers came from it) and, for a remote model, without retries of its
   * own (the runner retries, so waits are counted once and rate limits hold).
   */
  public static ChatModelConfig forRun(ChatModelConfig c) {
    return new ChatModelConfig(c.provider(), c.model(), c.name(), c.baseUrl(), c.apiKeyEnv(),
        c.adapters(), c.contextSize(), c.threads(), c.chatTemplate(), c.nativeLog(),
        c.temperature(), c.topP(), c.topK(), c.maxTokens(), c.seed(), c.stop(),
        c.timeoutSeconds(), c.provider() == Provider.LLAMACPP ? null : 0, CacheMode.OFF, null);
  }
}
