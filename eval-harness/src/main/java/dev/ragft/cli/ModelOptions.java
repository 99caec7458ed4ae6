package dev.ragft.cli;

import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that choose a chat model, shared by every command that runs one. They become a
 * {@link ChatModelConfig}; {@code --model-config FILE} reads one from YAML or JSON instead, and
 * then no other model option may be given.
 */
public final class ModelOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--model-config", paramLabel = "FILE",
      description = "Read the chat model settings from this YAML or JSON file.")
  Path configFile;

  @Option(names = "--provider", paramLabel = "NAME",
      description = "llamacpp (in process, the default), openai-compatible or ollama.")
  String provider;

  @Option(names = "--model", paramLabel = "MODEL", description = {
      "llamacpp: a catalogue id (see 'ragft models list') or the path of any GGUF file;",
      "remote: the model name the server knows."})
  String model;

  @Option(names = "--adapter", paramLabel = "PATH[=SCALE]",
      description = "A LoRA adapter in GGUF format, with an optional scale (llamacpp).")
  List<String> adapters = new ArrayList<>();

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The endpoint of a remote provider.")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "The environment variable holding the API key (never the key itself).")
  String apiKeyEnv;

  @Option(names = "--ctx-size", paramLabel = "TOKENS", description = "Context size (llamacpp).")
  Integer contextSize;

  @Option(names = "--threads", paramLabel = "N", description = "CPU threads (llamacpp).")
  Integer threads;

  @Option(names = "--chat-template", paramLabel = "MODE",
      description = "auto, plain or completion (llamacpp).")
  String chatTemplate;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature.")
  Double temperature;

  @Option(names = "--seed", paramLabel = "N", description = "Sampling seed.")
  Integer seed;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer in tokens.")
  Integer maxTokens;

  @Option(names = "--cache-mode", paramLabel = "MODE",
      description = "Response cache: read-write, replay or off.")
  String cacheMode;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Response cache folder.")
  Path cacheDir;

  /**
   * The configuration these options describe, with {@code cacheDefault} when no cache mode is
   * given; a bad value or combination is a {@link ParameterException} (exit code 2).
   */
  public ChatModelConfig toConfig(CacheMode cacheDefault) {
    try {
      if (configFile != null) {
        if (provider != null || model != null || !adapters.isEmpty() || baseUrl != null
            || apiKeyEnv != null || contextSize != null || threads != null
            || chatTemplate != null || temperature != null || seed != null || maxTokens != null
            || cacheMode != null || cacheDir != null) {
          throw new IllegalArgumentException("--model-config cannot be combined with other"
              + " model options; put them in the file");
        }
        return ChatModelConfig.read(configFile);
      }
      return ChatModelConfig.builder()
          .provider(provider == null ? null : Provider.parse(provider))
          .model(model).adapters(adapters).baseUrl(baseUrl).apiKeyEnv(apiKeyEnv)
          .contextSize(contextSize).threads(threads)
          .chatTemplate(chatTemplate == null ? null : ChatTemplateMode.parse(chatTemplate))
          .temperature(temperature).seed(seed).maxTokens(maxTokens)
          .cache(cacheMode == null ? cacheDefault : CacheMode.parse(cacheMode))
          .cacheDir(cacheDir == null ? null : cacheDir.toString())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
