package dev.ragft.eval.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.ChatModelConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluation run as configured: which cases, which corpus, which models, retrievals and
 * prompt templates, the setup matrix, and how to call the models. Read from YAML or JSON by
 * {@link EvalConfigReader} (documented in {@code docs/evaluation.md}); defaults are applied here
 * and, for the setup matrix, in {@link DefaultSetups}, and nowhere else.
 *
 * @param runId the run's id; default {@code run-} and 12 hex digits of the configuration file's
 *     hash ({@link EvalConfigReader}) or of the configuration's identity (a run built in code)
 * @param seed the seed every sample's seed is derived from; default 42
 * @param samples replies per (case, setup); default 1
 * @param temperature the sampling temperature of every setup; default 0
 * @param maxTokens the longest reply in tokens; default 256
 * @param concurrency requests in flight at once, across providers; default 2
 * @param cache how the response cache is used: read-write (default), replay or off
 * @param cacheDir the response cache folder; default the user cache's {@code responses}
 * @param systemPrompt the system prompt of the {@code support} template; default the case
 *     scenario's, or none
 * @param responseSchema the JSON schema constrained setups follow when a case has none (an object,
 *     or a string holding JSON); default the case scenario's reply schema
 * @param referenceF1 the token F1 at which {@code reference.token_f1} passes; default 0.5
 * @param oracleBudget the token budget of the oracle's context; default 2048
 * @param cases which cases
 * @param corpus the documents for the oracle and for index builds; or null
 * @param models chat models by name, each as {@code ChatModelConfig} reads them (without the
 *     run-wide settings: temperature, seed, maxTokens, cache, cacheDir)
 * @param registered fine-tuned models from the job registry, by name
 * @param retrieval retrieval contexts by name
 * @param templates prompt templates by name, besides the built-in {@code support},
 *     {@code plain} and {@code numbered}
 * @param setups the setup matrix; default {@link DefaultSetups}
 * @param judge the LLM judge; or null
 * @param rateLimits limits by provider id ({@code llamacpp}, {@code openai-compatible},
 *     {@code ollama})
 * @param retry how retriable failures are repeated
 * @param costs what the cost summary needs
 */
public record EvalConfig(String runId, Long seed, Integer samples, Double temperature,
    Integer maxTokens, Integer concurrency, CacheMode cache, String cacheDir, String systemPrompt,
    JsonNode responseSchema, Double referenceF1, Integer oracleBudget, CaseSelection cases,
    CorpusSpec corpus,
    Map<String, ChatModelConfig> models, Map<String, RegisteredModel> registered,
    Map<String, RetrievalSpec> retrieval, Map<String, TemplateSpec> templates,
    List<SetupSpec> setups, JudgeSpec judge, Map<String, RateLimit> rateLimits,
    RetrySettings retry, CostSettings costs) {

  /** Applies the defaults and validates each value on its own. */
  public EvalConfig {
    seed = seed == null ? 42L : seed;
    samples = samples == null ? 1 : samples;
    temperature = temperature == null ? 0.0 : temperature;
    maxTokens = maxTokens == null ? 256 : maxTokens;
    concurrency = concurrency == null ? 2 : concurrency;
    cache = cache == null ? CacheMode.READ_WRITE : cache;
    referenceF1 = referenceF1 == null ? 0.5 : referenceF1;
    oracleBudget = oracleBudget == null ? 2048 : oracleBudget;
    Objects.requireNonNull(cases, "cases");
    models = ordered(models);
    registered = ordered(registered);
    retrieval = ordered(retrieval);
    templates = ordered(templates);
    setups = setups == null ? List.of() : List.copyOf(setups);
    rateLimits = ordered(rateLimits);
    retry = retry == null ? RetrySettings.defaults() : retry;
    costs = costs == null ? CostSettings.defaults() : costs;
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, but is: " + samples);
    }
    if (!(temperature >= 0 && Double.isFinite(temperature))) {
      throw new IllegalArgumentException("temperature must be >= 0, but is: " + temperature);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, but is: " + maxTokens);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, but is: " + concurrency);
    }
    if (!(referenceF1 >= 0 && referenceF1 <= 1)) {
      throw new IllegalArgumentException("referenceF1 must be in [0, 1], but is: " + referenceF1);
    }
    if (oracleBudget < 1) {
      throw new IllegalArgumentException("oracleBudget must be >= 1, but is: " + oracleBudget);
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("models must name at least one chat model");
    }
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The corpus, if configured. */
  public Optional<CorpusSpec> corpusSpec() {
    return Optional.ofNullable(corpus);
  }

  /** The judge, if configured. */
  public Optional<JudgeSpec> judgeSpec() {
    return Optional.ofNullable(judge);
  }

  /** A copy with another run id. */
  public EvalConfig withRunId(String id) {
    return new EvalConfig(id, seed, samples, temperature, maxTokens, concurrency, cache, cacheDir,
        systemPrompt, responseSchema, referenceF1, oracleBudget, cases, corpus, models,
        registered, retrieval, templates, setups, judge, rateLimits, retry, costs);
  }

  /** A copy with another cache mode (replaying a run, say). */
  public EvalConfig withCache(CacheMode mode) {
    return new EvalConfig(runId, seed, samples, temperature, maxTokens, concurrency, mode,
        cacheDir, systemPrompt, responseSchema, referenceF1, oracleBudget, cases, corpus, models,
        registered, retrieval, templates, setups, judge, rateLimits, retry, costs);
  }

  /** A copy with another concurrency. */
  public EvalConfig withConcurrency(int requests) {
    return new EvalConfig(runId, seed, samples, temperature, maxTokens, requests, cache,
        cacheDir, systemPrompt, responseSchema, referenceF1, oracleBudget, cases, corpus, models,
        registered, retrieval, templates, setups, judge, rateLimits, retry, costs);
  }

  /** A copy with the setup matrix given. */
  public EvalConfig withSetups(List<SetupSpec> matrix) {
    return new EvalConfig(runId, seed, samples, temperature, maxTokens, concurrency, cache,
        cacheDir, systemPrompt, responseSchema, referenceF1, oracleBudget, cases, corpus, models,
        registered, retrieval, templates, matrix, judge, rateLimits, retry, costs);
  }
}
