package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.ModelConfigs;
import dev.ragft.eval.config.RateLimit;
import dev.ragft.eval.config.RegisteredModel;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobState;
import dev.ragft.model.cache.ResponseCache;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.Provider;
import dev.ragft.model.provider.Sleeper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The chat models of a run, each opened once however many setups use it (a model with extra
 * adapters is another model), with one gate per provider and one retrier for all. Registered
 * fine-tuned models are looked up in the job registry. Closes every model it opened.
 */
public final class ModelPool implements AutoCloseable {

  private final EvalConfig config;
  private final Function<ChatModelConfig, ConfiguredChatModel> opener;
  private final ResponseCache cache;
  private final Retrier retrier;
  private final Map<Provider, ProviderGate> gates = new EnumMap<>(Provider.class);
  private final Map<String, ModelHandle> opened = new LinkedHashMap<>();

  /**
   * A pool for a run.
   *
   * @param config the run's configuration
   * @param opener opens a model configuration (normally {@code ChatModels::open})
   * @param cacheDir the response cache folder
   * @param nanoClock the clock of the rate limits
   * @param sleeper waits for rate limits and retries
   */
  public ModelPool(EvalConfig config, Function<ChatModelConfig, ConfiguredChatModel> opener,
      Path cacheDir, LongSupplier nanoClock, Sleeper sleeper) {
    this.config = Objects.requireNonNull(config, "config");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.cache = new ResponseCache(cacheDir);
    this.retrier = new Retrier(config.retry().policy(), sleeper);
    for (Provider provider : Provider.values()) {
      RateLimit limit = config.rateLimits().get(provider.id());
      int concurrent = provider == Provider.LLAMACPP ? 1
          : limit != null && limit.concurrent() != null ? limit.concurrent()
              : config.concurrency();
      TokenBucket bucket = limit == null || limit.requestsPerSecond() == null ? null
          : new TokenBucket(limit.requestsPerSecond(), limit.burst(), nanoClock, sleeper);
      gates.put(provider, new ProviderGate(concurrent, bucket));
    }
  }

  /**
   * The configuration of model {@code name} with {@code extraAdapters} added: a configured model,
   * or a registered fine-tuned model resolved through its job.
   */
  public ChatModelConfig resolve(String name, List<String> extraAdapters) {
    ChatModelConfig base = config.models().get(name);
    if (base == null) {
      RegisteredModel registered = config.registered().get(name);
      if (registered == null) {
        throw new RagftException("no model \"" + name + "\" is configured");
      }
      base = registered(name, registered);
    }
    if (extraAdapters.isEmpty()) {
      return base;
    }
    List<String> adapters = new ArrayList<>(base.adapters());
    adapters.addAll(extraAdapters);
    return ModelConfigs.withAdapters(base, adapters);
  }

  private ChatModelConfig registered(String name, RegisteredModel registered) {
    JobRegistry registry = new JobRegistry(registered.registry() == null
        ? JobRegistry.defaultRoot() : Path.of(registered.registry()));
    JobRecord job = registry.resolve(registered.job());
    if (!(job.state() instanceof JobState.Succeeded done)) {
      throw new RagftException("model \"" + name + "\" is fine-tuning job " + job.clientKey()
          + ", which has not succeeded (it is " + (job.state() == null ? "not created"
          : job.state().describe()) + "); wait for it or evaluate another model");
    }
    ChatModelConfig from = config.models().get(registered.from());
    if (done.adapterPath() != null) {
      if (from.provider() != Provider.LLAMACPP) {
        throw new RagftException("model \"" + name + "\" is a LoRA adapter (job "
            + job.clientKey() + "), which needs a llamacpp model to apply it to, but \""
            + registered.from() + "\" is " + from.provider().id());
      }
      List<String> adapters = new ArrayList<>(from.adapters());
      adapters.add(done.adapterPath());
      return ModelConfigs.withAdapters(from, adapters);
    }
    return ModelConfigs.withModel(from, done.modelId());
  }

  /** The opened model for a configuration, opening it on first use. */
  public synchronized ModelHandle open(ChatModelConfig model) {
    ChatModelConfig forRun = ModelConfigs.forRun(model);
    String key;
    try {
      key = Json.mapper().writeValueAsString(forRun);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a model configuration could not be written as JSON", e);
    }
    ModelHandle handle = opened.get(key);
    if (handle == null) {
      handle = new ModelHandle(opener.apply(forRun), forRun, cache, config.cache(),
          gates.get(forRun.provider()), retrier);
      opened.put(key, handle);
    }
    return handle;
  }

  /** The calls that reached a model, over every model opened. */
  public synchronized long modelCalls() {
    return opened.values().stream().mapToLong(ModelHandle::modelCalls).sum();
  }

  /** The models opened so far, in the order they were opened. */
  public synchronized List<ModelHandle> models() {
    return List.copyOf(opened.values());
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (ModelHandle handle : opened.values()) {
      try {
        handle.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
