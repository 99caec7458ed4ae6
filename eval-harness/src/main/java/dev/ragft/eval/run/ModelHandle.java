package dev.ragft.eval.run;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragft.common.Hashes;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.cache.CachePolicy;
import dev.ragft.model.cache.CachingChatModel;
import dev.ragft.model.cache.ResponseCache;
import dev.ragft.model.catalog.FileHashes;
import dev.ragft.model.llamacpp.LlamaCppChatRequestParameters;
import dev.ragft.model.llamacpp.LlamaCppModel;
import dev.ragft.model.llamacpp.LoraAdapter;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.DelegatingChatModel;
import dev.ragft.model.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One opened chat model as the runner calls it: through the response cache (so the runner knows
 * which answers the cache gave), its provider's gate (concurrency and rate limit) and the
 * retrier. The cache key holds the model's identity as {@code ChatModels} computes it (file hash,
 * context size, template and adapters of a local model; name and endpoint of a remote one), so
 * entries are
 * shared with other ragft commands. Counts the calls that reached the model. Thread-safe; closing
 * it releases an in-process model.
 */
public final class ModelHandle implements AutoCloseable {

  private final ConfiguredChatModel opened;
  private final Provider provider;
  private final ChatModel cached;
  private final ProviderGate gate;
  private final Retrier retrier;
  private final ThreadLocal<Boolean> reached = ThreadLocal.withInitial(() -> false);
  private final AtomicLong modelCalls = new AtomicLong();

  /**
   * Wraps an opened model.
   *
   * @param opened the model, opened without the factory's cache ({@code ModelConfigs.forRun})
   * @param config the configuration it was opened from
   * @param cache the response cache
   * @param mode how the cache is used
   * @param gate the provider's gate
   * @param retrier repeats retriable failures
   */
  public ModelHandle(ConfiguredChatModel opened, ChatModelConfig config, ResponseCache cache,
      CacheMode mode, ProviderGate gate, Retrier retrier) {
    this.opened = Objects.requireNonNull(opened, "opened");
    this.provider = config.provider();
    this.gate = Objects.requireNonNull(gate, "gate");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    CachePolicy policy = new CachePolicy(cache, mode, provider.id(), identity(opened, config),
        opened.name());
    this.cached = new CachingChatModel(new Marking(opened.chat()), policy);
  }

  private static Map<String, Object> identity(ConfiguredChatModel opened,
      ChatModelConfig config) {
    Map<String, Object> identity = new TreeMap<>();
    identity.put("name", opened.name());
    if (opened.local().isPresent()) {
      LlamaCppModel model = opened.local().get();
      identity.put("sha256", FileHashes.sha256(model.config().model()));
      identity.put("contextSize", model.config().contextSize());
      identity.put("template", model.templateInUse().equals("gguf")
          ? "gguf:" + Hashes.sha256(model.info().chatTemplate()) : model.templateInUse());
      List<Map<String, Object>> adapters = new ArrayList<>();
      for (LoraAdapter adapter : model.config().adapters()) {
        adapters.add(Map.of("sha256", FileHashes.sha256(adapter.file()),
            "scale", adapter.scale()));
      }
      identity.put("adapters", adapters);
    } else {
      URI uri = URI.create(config.baseUrl());
      identity.put("endpoint", uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getPath() == null ? "" : uri.getPath()));
    }
    return identity;
  }

  /** The provider the model runs on. */
  public Provider provider() {
    return provider;
  }

  /** The name the model answers to. */
  public String name() {
    return opened.name();
  }

  /** What the model is and where it runs, in a line. */
  public String description() {
    return opened.description();
  }

  /** Whether this is a smoke model, whose answers mean nothing. */
  public boolean smoke() {
    return opened.smoke();
  }

  /** The calls the model answered (cache misses; failed attempts not counted), so far. */
  public long modelCalls() {
    return modelCalls.get();
  }

  /**
   * The request parameters for one sample, in the provider's own parameter type so the seed is
   * sent.
   */
  public ChatRequestParameters parameters(double temperature, int maxTokens, int seed,
      ResponseFormat format) {
    return switch (provider) {
      case LLAMACPP -> LlamaCppChatRequestParameters.builder().temperature(temperature)
          .maxOutputTokens(maxTokens).seed(seed).responseFormat(format).build();
      case OPENAI_COMPATIBLE -> OpenAiChatRequestParameters.builder().temperature(temperature)
          .maxOutputTokens(maxTokens).seed(seed).responseFormat(format).build();
      case OLLAMA -> OllamaChatRequestParameters.builder().temperature(temperature)
          .maxOutputTokens(maxTokens).seed(seed).responseFormat(format).build();
    };
  }

  /** Asks the model, through the cache, the gate and the retrier. */
  public Answer ask(ChatRequest request) {
    return retrier.call(() -> gate.pass(() -> once(request)));
  }

  private Answer once(ChatRequest request) {
    reached.set(false);
    long start = System.nanoTime();
    ChatResponse response = cached.chat(request);
    boolean hit = !reached.get();
    long millis = hit ? 0 : Math.max(0, (System.nanoTime() - start) / 1_000_000);
    TokenUsage usage = response.tokenUsage();
    String text = response.aiMessage().text();
    return new Answer(text == null ? "" : text,
        usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
        millis, hit);
  }

  /**
   * The model as a LangChain4j chat model whose calls go through the cache, the gate and the
   * retrier (for the judge, which builds its own requests).
   */
  public ChatModel asChatModel() {
    return new DelegatingChatModel(cached) {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return retrier.call(() -> gate.pass(() -> cached.chat(request)));
      }
    };
  }

  @Override
  public void close() {
    opened.close();
  }

  /** Notes, on the calling thread, that a call reached the model rather than the cache. */
  private final class Marking extends DelegatingChatModel {

    Marking(ChatModel delegate) {
      super(delegate);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      reached.set(true);
      ChatResponse response = delegate.chat(request);
      modelCalls.incrementAndGet();
      return response;
    }
  }
}
