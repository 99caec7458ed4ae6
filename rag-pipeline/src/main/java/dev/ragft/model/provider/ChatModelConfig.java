package dev.ragft.model.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.llamacpp.LlamaCppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which chat model to use and how, as read from a YAML or JSON file (keys below, unknown keys
 * rejected) or built in code. Defaults are applied here, in the constructor, and nowhere else;
 * an option that does not apply to the chosen provider is an error, not silently ignored.
 *
 * @param provider where the model runs; default {@code llamacpp}
 * @param model llamacpp: a catalogue id or a GGUF path (default: the catalogue's default);
 *     remote: the model name the server knows (required)
 * @param name llamacpp only: the name the model answers to (default: the id or file name)
 * @param baseUrl remote only: the endpoint; default {@code https://api.openai.com/v1} for
 *     openai-compatible and {@code http://localhost:11434} for ollama
 * @param apiKeyEnv openai-compatible only: the environment variable that holds the API key (the
 *     key itself never appears in configuration); default none
 * @param adapters llamacpp only: LoRA adapters as {@code PATH} or {@code PATH=SCALE}
 * @param contextSize llamacpp only: the context window in tokens; default 4096
 * @param threads llamacpp only: CPU threads, 0 for llama.cpp's choice; default 0
 * @param chatTemplate llamacpp only: {@code auto}, {@code plain} or {@code completion}
 * @param nativeLog llamacpp only: a file for llama.cpp's own log; default none
 * @param temperature sampling temperature; default 0 (greedy, reproducible)
 * @param topP nucleus sampling; default the provider's
 * @param topK top-k sampling (llamacpp and ollama); default the provider's
 * @param maxTokens the longest answer in tokens; default 512
 * @param seed the sampling seed; default 42
 * @param stop stop sequences; default none
 * @param timeoutSeconds remote only: the longest wait for an answer; default 120
 * @param maxRetries remote only: retries after a 429, 5xx, timeout or dropped connection;
 *     default 3
 * @param cache how the response cache is used; default {@code read-write}
 * @param cacheDir the response cache folder; default {@code <user cache>/ragft/responses}
 */
public record ChatModelConfig(Provider provider, String model, String name, String baseUrl,
    String apiKeyEnv, List<String> adapters, Integer contextSize, Integer threads,
    ChatTemplateMode chatTemplate, String nativeLog, Double temperature, Double topP,
    Integer topK, Integer maxTokens, Integer seed, List<String> stop, Integer timeoutSeconds,
    Integer maxRetries, CacheMode cache, String cacheDir) {

  /** Applies the defaults and rejects options that do not apply to the provider. */
  public ChatModelConfig {
    provider = provider == null ? Provider.LLAMACPP : provider;
    List<String> misplaced = new ArrayList<>();
    if (provider == Provider.LLAMACPP) {
      addIf(misplaced, baseUrl != null, "baseUrl");
      addIf(misplaced, apiKeyEnv != null, "apiKeyEnv");
      addIf(misplaced, timeoutSeconds != null, "timeoutSeconds");
      addIf(misplaced, maxRetries != null, "maxRetries");
    } else {
      addIf(misplaced, name != null, "name");
      addIf(misplaced, adapters != null && !adapters.isEmpty(), "adapters");
      addIf(misplaced, contextSize != null, "contextSize");
      addIf(misplaced, threads != null, "threads");
      addIf(misplaced, chatTemplate != null, "chatTemplate");
      addIf(misplaced, nativeLog != null, "nativeLog");
      addIf(misplaced, provider == Provider.OLLAMA && apiKeyEnv != null, "apiKeyEnv");
      addIf(misplaced, provider == Provider.OPENAI_COMPATIBLE && topK != null, "topK");
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("model is required for provider " + provider.id()
            + ": give the model name the server knows");
      }
    }
    if (!misplaced.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", misplaced)
          + (misplaced.size() == 1 ? " does" : " do") + " not apply to provider " + provider.id());
    }
    if (baseUrl == null && provider != Provider.LLAMACPP) {
      baseUrl = provider == Provider.OLLAMA ? "http://localhost:11434"
          : "https://api.openai.com/v1";
    }
    adapters = adapters == null ? List.of() : List.copyOf(adapters);
    stop = stop == null ? List.of() : List.copyOf(stop);
    if (provider == Provider.LLAMACPP) {
      contextSize = contextSize == null ? LlamaCppConfig.DEFAULT_CONTEXT_SIZE : contextSize;
      threads = threads == null ? 0 : threads;
      chatTemplate = chatTemplate == null ? ChatTemplateMode.AUTO : chatTemplate;
    } else {
      timeoutSeconds = timeoutSeconds == null ? 120 : timeoutSeconds;
      maxRetries = maxRetries == null ? 3 : maxRetries;
      positive("timeoutSeconds", timeoutSeconds);
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, but is: " + maxRetries);
      }
    }
    temperature = temperature == null ? 0.0 : temperature;
    maxTokens = maxTokens == null ? 512 : maxTokens;
    seed = seed == null ? 42 : seed;
    cache = cache == null ? CacheMode.READ_WRITE : cache;
    positive("maxTokens", maxTokens);
  }

  private static void addIf(List<String> names, boolean condition, String name) {
    if (condition) {
      names.add(name);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, but is: " + value);
    }
  }

  /** The defaults: the catalogue's default model, in process. */
  public static ChatModelConfig defaults() {
    return builder().build();
  }

  /** A builder with nothing set (every default applies). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a configuration from a {@code .yaml}/{@code .yml} or {@code .json} file; a bad key or
   * value is an {@link InputException} naming the file, the line and the key.
   */
  public static ChatModelConfig read(Path file) {
    String name = file.getFileName().toString();
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return (yaml ? Json.yaml() : Json.mapper()).readValue(text, ChatModelConfig.class);
    } catch (UnrecognizedPropertyException e) {
      // Records are read through their constructor, so the parser has moved past the key.
      throw new InputException(file.toString(), lineOf(text, e.getPropertyName()),
          e.getPropertyName(), "is not a chat"
          + " model setting; known settings are " + new TreeSet<>(e.getKnownPropertyIds()
              .stream().map(String::valueOf).toList()), e);
    } catch (ValueInstantiationException e) {
      throw new InputException(file.toString(), line(e), null,
          e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), line(e), null, "is not a valid chat model"
          + " configuration: " + e.getOriginalMessage(), e);
    }
  }

  private static long lineOf(String text, String key) {
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\"")
          || line.contains("\"" + key + "\":") || line.contains("\"" + key + "\" :")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static long line(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser parser && parser.currentTokenLocation() != null) {
      return parser.currentTokenLocation().getLineNr();
    }
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** Builds a {@link ChatModelConfig}; unset values take the defaults. */
  public static final class Builder {
    private Provider provider;
    private String model;
    private String name;
    private String baseUrl;
    private String apiKeyEnv;
    private List<String> adapters;
    private Integer contextSize;
    private Integer threads;
    private ChatTemplateMode chatTemplate;
    private String nativeLog;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Integer maxTokens;
    private Integer seed;
    private List<String> stop;
    private Integer timeoutSeconds;
    private Integer maxRetries;
    private CacheMode cache;
    private String cacheDir;

    private Builder() {
    }

    /** Sets the provider. */
    public Builder provider(Provider value) {
      provider = value;
      return this;
    }

    /** Sets the model. */
    public Builder model(String value) {
      model = value;
      return this;
    }

    /** Sets the name a local model answers to. */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** Sets the remote endpoint. */
    public Builder baseUrl(String value) {
      baseUrl = value;
      return this;
    }

    /** Sets the environment variable that holds the API key. */
    public Builder apiKeyEnv(String value) {
      apiKeyEnv = value;
      return this;
    }

    /** Sets the LoRA adapters ({@code PATH} or {@code PATH=SCALE}). */
    public Builder adapters(List<String> value) {
      adapters = value;
      return this;
    }

    /** Sets the context size. */
    public Builder contextSize(Integer value) {
      contextSize = value;
      return this;
    }

    /** Sets the thread count. */
    public Builder threads(Integer value) {
      threads = value;
      return this;
    }

    /** Sets the chat template mode. */
    public Builder chatTemplate(ChatTemplateMode value) {
      chatTemplate = value;
      return this;
    }

    /** Sets the llama.cpp log file. */
    public Builder nativeLog(String value) {
      nativeLog = value;
      return this;
    }

    /** Sets the temperature. */
    public Builder temperature(Double value) {
      temperature = value;
      return this;
    }

    /** Sets top-p. */
    public Builder topP(Double value) {
      topP = value;
      return this;
    }

    /** Sets top-k. */
    public Builder topK(Integer value) {
      topK = value;
      return this;
    }

    /** Sets the token limit. */
    public Builder maxTokens(Integer value) {
      maxTokens = value;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(Integer value) {
      seed = value;
      return this;
    }

    /** Sets the stop sequences. */
    public Builder stop(List<String> value) {
      stop = value;
      return this;
    }

    /** Sets the remote timeout in seconds. */
    public Builder timeoutSeconds(Integer value) {
      timeoutSeconds = value;
      return this;
    }

    /** Sets the number of retries. */
    public Builder maxRetries(Integer value) {
      maxRetries = value;
      return this;
    }

    /** Sets the cache mode. */
    public Builder cache(CacheMode value) {
      cache = value;
      return this;
    }

    /** Sets the cache folder. */
    public Builder cacheDir(String value) {
      cacheDir = value;
      return this;
    }

    /** The validated configuration. */
    public ChatModelConfig build() {
      return new ChatModelConfig(provider, model, name, baseUrl, apiKeyEnv, adapters,
          contextSize, threads, chatTemplate, nativeLog, temperature, topP, topK, maxTokens, seed,
          stop, timeoutSeconds, maxRetries, cache, cacheDir);
    }
  }
}
