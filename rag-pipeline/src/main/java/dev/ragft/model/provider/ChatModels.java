package dev.ragft.model.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.ragft.common.Hashes;
import dev.ragft.common.RagftException;
import dev.ragft.model.UserCache;
import dev.ragft.model.cache.CachePolicy;
import dev.ragft.model.cache.CachingChatModel;
import dev.ragft.model.cache.CachingStreamingChatModel;
import dev.ragft.model.cache.ResponseCache;
import dev.ragft.model.catalog.FileHashes;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.catalog.ResolvedModel;
import dev.ragft.model.llamacpp.LlamaCppChatModel;
import dev.ragft.model.llamacpp.LlamaCppConfig;
import dev.ragft.model.llamacpp.LlamaCppModel;
import dev.ragft.model.llamacpp.LlamaCppStreamingChatModel;
import dev.ragft.model.llamacpp.LoraAdapter;
import dev.ragft.model.llamacpp.Sampling;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Opens the chat model a {@link ChatModelConfig} describes: loads an in-process model (resolving
 * a catalogue id through the {@link ModelStore}, downloading on first use), or connects to an
 * OpenAI-compatible endpoint or Ollama; then puts the response cache in front and, for remote
 * providers, retries with backoff. The API key is read from the environment variable the
 * configuration names and appears nowhere else.
 */
public final class ChatModels {

  private final ModelStore store;
  private final UnaryOperator<String> environment;
  private final Sleeper sleeper;

  /**
   * A factory.
   *
   * @param store resolves local model names
   * @param environment reads environment variables (the API key)
   * @param sleeper waits between retries
   */
  public ChatModels(ModelStore store, UnaryOperator<String> environment, Sleeper sleeper) {
    this.store = Objects.requireNonNull(store, "store");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Opens a model with the standard store, the process environment and the real clock. */
  public static ConfiguredChatModel open(ChatModelConfig config) {
    return new ChatModels(ModelStore.standard(), System::getenv, Sleeper.SYSTEM).create(config);
  }

  /** Opens the model {@code config} describes. */
  public ConfiguredChatModel create(ChatModelConfig config) {
    ResponseCache cache = new ResponseCache(config.cacheDir() != null
        ? Path.of(config.cacheDir()) : UserCache.root().resolve("responses"));
    return switch (config.provider()) {
      case LLAMACPP -> local(config, cache);
      case OPENAI_COMPATIBLE, OLLAMA -> remote(config, cache);
    };
  }

  private ConfiguredChatModel local(ChatModelConfig config, ResponseCache cache) {
    ResolvedModel resolved = store.resolve(config.model());
    List<LoraAdapter> adapters = config.adapters().stream().map(LoraAdapter::parse).toList();
    LlamaCppConfig llama = new LlamaCppConfig(resolved.file(),
        config.name() != null ? config.name() : resolved.name(), adapters, config.contextSize(),
        config.threads(), config.chatTemplate(),
        config.nativeLog() == null ? null : Path.of(config.nativeLog()));
    LlamaCppModel model = LlamaCppModel.load(llama);
    try {
      Sampling sampling = sampling(config);
      Map<String, Object> identity = new TreeMap<>();
      identity.put("name", model.name());
      identity.put("sha256", resolved.sha256());
      identity.put("contextSize", model.config().contextSize());
      identity.put("template", model.templateInUse().equals("gguf")
          ? "gguf:" + Hashes.sha256(model.info().chatTemplate()) : model.templateInUse());
      List<Map<String, Object>> adapterIds = new ArrayList<>();
      for (LoraAdapter adapter : adapters) {
        adapterIds.add(Map.of("sha256", FileHashes.sha256(adapter.file()),
            "scale", adapter.scale()));
      }
      identity.put("adapters", adapterIds);
      CachePolicy policy = new CachePolicy(cache, config.cache(), config.provider().id(),
          identity, model.name());
      String description = "llamacpp model " + model.name() + " (" + resolved.file()
          + (adapters.isEmpty() ? "" : ", LoRA " + adapters.get(0).file() + " at scale "
              + adapters.get(0).scale()) + ")"
          + (resolved.smoke() ? " [SMOKE MODEL: its answers mean nothing]" : "");
      return new ConfiguredChatModel(
          new CachingChatModel(new LlamaCppChatModel(model, sampling), policy),
          new CachingStreamingChatModel(new LlamaCppStreamingChatModel(model, sampling), policy),
          model.name(), description, resolved.smoke(), model);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static Sampling sampling(ChatModelConfig config) {
    Sampling.Builder sampling = Sampling.DEFAULTS.toBuilder()
        .temperature(config.temperature()).maxTokens(config.maxTokens()).seed(config.seed())
        .stop(config.stop());
    if (config.topP() != null) {
      sampling.topP(config.topP());
    }
    if (config.topK() != null) {
      sampling.topK(config.topK());
    }
    try {
      return sampling.build();
    } catch (IllegalArgumentException e) {
      throw new RagftException("invalid chat model setting: " + e.getMessage(), e);
    }
  }

  private ConfiguredChatModel remote(ChatModelConfig config, ResponseCache cache) {
    String key = null;
    if (config.apiKeyEnv() != null) {
      key = environment.apply(config.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new RagftException("the environment variable " + config.apiKeyEnv()
            + " (apiKeyEnv) is not set; set it to the API key of " + config.baseUrl());
      }
    }
    Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
    ChatModel chat;
    StreamingChatModel streaming;
    if (config.provider() == Provider.OPENAI_COMPATIBLE) {
      chat = OpenAiChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
          .modelName(config.model()).temperature(config.temperature()).topP(config.topP())
          .maxTokens(config.maxTokens()).seed(config.seed()).stop(config.stop())
          .timeout(timeout).maxRetries(0).build();
      streaming = OpenAiStreamingChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
          .modelName(config.model()).temperature(config.temperature()).topP(config.topP())
          .maxTokens(config.maxTokens()).seed(config.seed()).stop(config.stop())
          .timeout(timeout).build();
    } else {
      chat = OllamaChatModel.builder().baseUrl(config.baseUrl()).modelName(config.model())
          .temperature(config.temperature()).topP(config.topP()).topK(config.topK())
          .numPredict(config.maxTokens()).seed(config.seed()).stop(config.stop())
          .timeout(timeout).maxRetries(0).build();
      streaming = OllamaStreamingChatModel.builder().baseUrl(config.baseUrl())
          .modelName(config.model()).temperature(config.temperature()).topP(config.topP())
          .topK(config.topK()).numPredict(config.maxTokens()).seed(config.seed())
          .stop(config.stop()).timeout(timeout).build();
    }
    String endpoint = withoutSecrets(config.baseUrl());
    String description = config.provider().id() + " model " + config.model() + " at " + endpoint;
    Secrets secrets = new Secrets(key);
    RetryPolicy retry = RetryPolicy.of(config.maxRetries());
    Map<String, Object> identity = Map.of("name", config.model(), "endpoint", endpoint);
    CachePolicy policy = new CachePolicy(cache, config.cache(), config.provider().id(), identity,
        config.model());
    return new ConfiguredChatModel(
        new CachingChatModel(new RetryingChatModel(chat, description, retry, sleeper, secrets),
            policy),
        new CachingStreamingChatModel(new RetryingStreamingChatModel(streaming, description,
            retry, sleeper, secrets), policy),
        config.model(), description, false, null);
  }

  /** The URL without user info, query or fragment, which may carry credentials. */
  static String withoutSecrets(String url) {
    URI uri = URI.create(url);
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + (uri.getPath() == null ? ""
        : uri.getPath());
  }
}
