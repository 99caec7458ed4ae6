package dev.ragft.eval.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.ChatModelConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link EvalConfig} in code (as {@code ragft demo} does), with the same defaults as a
 * configuration file; paths are taken as given, so give absolute ones. Cross-references (a setup
 * naming a model) are checked when the run starts.
 */
public final class EvalConfigBuilder {

  private final CaseSelection cases;
  private String runId;
  private Long seed;
  private Integer samples;
  private Double temperature;
  private Integer maxTokens;
  private Integer concurrency;
  private CacheMode cache;
  private String cacheDir;
  private String systemPrompt;
  private JsonNode responseSchema;
  private Double referenceF1;
  private Integer oracleBudget;
  private CorpusSpec corpus;
  private final Map<String, ChatModelConfig> models = new LinkedHashMap<>();
  private final Map<String, RegisteredModel> registered = new LinkedHashMap<>();
  private final Map<String, RetrievalSpec> retrieval = new LinkedHashMap<>();
  private final Map<String, TemplateSpec> templates = new LinkedHashMap<>();
  private final List<SetupSpec> setups = new ArrayList<>();
  private JudgeSpec judge;
  private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
  private RetrySettings retry;
  private CostSettings costs;

  /** A builder for a run over {@code cases}. */
  public EvalConfigBuilder(CaseSelection cases) {
    this.cases = Objects.requireNonNull(cases, "cases");
  }

  /** Sets the run id (default: {@code run-} and 12 hex digits of the configuration's hash). */
  public EvalConfigBuilder runId(String value) {
    runId = value;
    return this;
  }

  /** Sets the seed. */
  public EvalConfigBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** Sets the samples per (case, setup). */
  public EvalConfigBuilder samples(int value) {
    samples = value;
    return this;
  }

  /** Sets the temperature. */
  public EvalConfigBuilder temperature(double value) {
    temperature = value;
    return this;
  }

  /** Sets the longest reply in tokens. */
  public EvalConfigBuilder maxTokens(int value) {
    maxTokens = value;
    return this;
  }

  /** Sets the requests in flight at once. */
  public EvalConfigBuilder concurrency(int value) {
    concurrency = value;
    return this;
  }

  /** Sets the cache mode and folder (null folder: the default). */
  public EvalConfigBuilder cache(CacheMode mode, String folder) {
    cache = mode;
    cacheDir = folder;
    return this;
  }

  /** Sets the system prompt of the {@code support} template. */
  public EvalConfigBuilder systemPrompt(String value) {
    systemPrompt = value;
    return this;
  }

  /** Sets the reply schema of constrained setups. */
  public EvalConfigBuilder responseSchema(JsonNode value) {
    responseSchema = value;
    return this;
  }

  /** Sets the token F1 at which the reference check passes. */
  public EvalConfigBuilder referenceF1(double value) {
    referenceF1 = value;
    return this;
  }

  /** Sets the oracle's token budget. */
  public EvalConfigBuilder oracleBudget(int value) {
    oracleBudget = value;
    return this;
  }

  /** Sets the corpus. */
  public EvalConfigBuilder corpus(CorpusSpec value) {
    corpus = value;
    return this;
  }

  /** Adds a chat model. */
  public EvalConfigBuilder model(String name, ChatModelConfig value) {
    models.put(name, value);
    return this;
  }

  /** Adds a fine-tuned model from the job registry. */
  public EvalConfigBuilder registered(String name, RegisteredModel value) {
    registered.put(name, value);
    return this;
  }

  /** Adds a retrieval context. */
  public EvalConfigBuilder retrieval(String name, RetrievalSpec value) {
    retrieval.put(name, value);
    return this;
  }

  /** Adds a prompt template. */
  public EvalConfigBuilder template(String name, TemplateSpec value) {
    templates.put(name, value);
    return this;
  }

  /** Adds a row to the setup matrix (none: {@link DefaultSetups}). */
  public EvalConfigBuilder setup(SetupSpec value) {
    setups.add(value);
    return this;
  }

  /** Sets the judge. */
  public EvalConfigBuilder judge(JudgeSpec value) {
    judge = value;
    return this;
  }

  /** Adds a provider's rate limit. */
  public EvalConfigBuilder rateLimit(String provider, RateLimit value) {
    rateLimits.put(provider, value);
    return this;
  }

  /** Sets the retry settings. */
  public EvalConfigBuilder retry(RetrySettings value) {
    retry = value;
    return this;
  }

  /** Sets the cost settings. */
  public EvalConfigBuilder costs(CostSettings value) {
    costs = value;
    return this;
  }

  /** The configuration, with every default applied (a run without an id gets one). */
  public EvalConfig build() {
    return new EvalConfig(runId, seed, samples, temperature, maxTokens, concurrency, cache,
        cacheDir, systemPrompt, responseSchema, referenceF1, oracleBudget, cases, corpus, models,
        registered, retrieval, templates, setups, judge, rateLimits, retry, costs);
  }
}
