package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.eval.result.RunResult;
import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.ChatModels;
import dev.ragft.model.provider.ConfiguredChatModel;
import dev.ragft.model.provider.Sleeper;
import dev.ragft.model.serve.OpenAiServer;
import dev.ragft.model.serve.ServeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run against a remote provider: stories260K served by {@code ragft serve}'s OpenAI-compatible
 * server on a loopback socket, failing its first two requests with HTTP 500. The runner retries
 * with backoff (the waits are recorded, not slept) and the run completes.
 */
class RemoteProviderIT {

  @TempDir
  Path dir;

  /** Fails the first {@code failures} requests, as an overloaded server does. */
  private static final class Overloaded implements ChatModel {
    private final ChatModel delegate;
    private final AtomicInteger failures;

    Overloaded(ChatModel delegate, int failures) {
      this.delegate = delegate;
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("overloaded, try again");
      }
      return delegate.chat(request);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
      return delegate.defaultRequestParameters();
    }
  }

  @Test
  void retriable_server_errors_are_retried_with_backoff_and_the_run_completes() {
    ChatModels factory = new ChatModels(ModelStore.standard(), name -> null, Sleeper.SYSTEM);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (ConfiguredChatModel local = factory.create(ChatModelConfig.builder()
            .model(RunFixtures.stories260K().toString()).contextSize(512).threads(1)
            .chatTemplate(ChatTemplateMode.COMPLETION).cache(CacheMode.OFF).build());
        OpenAiServer server = OpenAiServer.start(new Overloaded(local.chat(), 2),
            local.streaming(), local.name(), new ServeConfig("127.0.0.1", 0, 2))) {
      String yaml = RunFixtures.config(dir, List.of("c-capital", "k-price"), """
          models:
            remote: {provider: openai-compatible, baseUrl: "%s", model: stories260K}
          setups:
            - {id: baseline, model: remote}
          retry: {attempts: 3, initialDelaySeconds: 0.5, maxDelaySeconds: 0.75}
          rateLimits:
            openai-compatible: {requestsPerSecond: 100, burst: 1, concurrent: 1}
          """.formatted(server.baseUrl())).replaceFirst("(?s)models:\n  base:.*?threads: 1\n",
          "");
      RunEnvironment environment = new RunEnvironment(ProgressFactory.silent(),
          RunListener.NONE, factory::create, waits::add, System::nanoTime);

      // One request at a time, so both failures fall on the first sample: its second and third
      // attempts wait the initial delay and then the doubled delay, capped at the longest.
      RunOutcome outcome = new EvalRunner(environment).run(
          EvalConfigReader.parse(yaml, "eval.yaml", dir).withConcurrency(1), dir.resolve("run"));
      RunResult result = outcome.result();

      assertThat(result.setups().get(0).model()).isEqualTo("openai-compatible:stories260K");
      assertThat(result.results()).hasSize(2).allMatch(r -> !r.samples().get(0).answer()
          .isEmpty() && r.samples().get(0).usage().promptTokens() > 0);
      assertThat(waits).filteredOn(wait -> wait.toMillis() >= 500)
          .containsExactly(Duration.ofMillis(500), Duration.ofMillis(750));
      assertThat(outcome.stats().modelCalls()).isEqualTo(2);
      assertThat(result.info().notes()).containsEntry("unpriced-models", "no price for"
          + " stories260K: their calls count as $0; add them to a price file (costs.prices)");
      assertThat(outcome.costs().notes()).hasSize(1);
    }
  }
}
