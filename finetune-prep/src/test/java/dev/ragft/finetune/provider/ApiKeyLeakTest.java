package dev.ragft.finetune.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ragft.finetune.job.FineTuningProvider;
import dev.ragft.finetune.job.Hyperparameters;
import dev.ragft.finetune.job.JobHandle;
import dev.ragft.finetune.job.JobRecord;
import dev.ragft.finetune.job.JobRegistry;
import dev.ragft.finetune.job.JobSpec;
import dev.ragft.finetune.job.JobSubmitter;
import dev.ragft.finetune.job.JobTracker;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.RetryPolicy;
import dev.ragft.finetune.job.TrainingMethod;
import dev.ragft.finetune.provider.fireworks.FireworksProviderFactory;
import dev.ragft.finetune.provider.mistral.MistralProviderFactory;
import dev.ragft.finetune.provider.openai.OpenAiProviderFactory;
import dev.ragft.finetune.provider.together.TogetherProviderFactory;
import dev.ragft.finetune.testing.FakeFireworks;
import dev.ragft.finetune.testing.FakeMistral;
import dev.ragft.finetune.testing.FakeOpenAi;
import dev.ragft.finetune.testing.FakeTogether;
import dev.ragft.finetune.testing.LoopbackServer.Fault;
import dev.ragft.finetune.testing.LoopbackServer.Response;
import dev.ragft.finetune.testing.LoopbackServer;
import dev.ragft.finetune.testing.TestContexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Triggers every error path of every remote provider with a recognisable fake key, against fakes
 * that echo the key back in their error messages and bodies (the worst case), and checks that the
 * key appears nowhere: not in exception messages or stack traces (causes included), not in
 * notices, not in any file the registry wrote.
 */
class ApiKeyLeakTest {

  private static final String KEY = TestContexts.FAKE_KEY;
  private static final String ECHO = "{\"error\":{\"message\":\"the key " + KEY + " is bad\"},"
      + "\"message\":\"" + KEY + "\",\"detail\":\"" + KEY + "\"}";

  @TempDir
  Path dir;

  /** One remote provider: its fake, factory, settings and routes. */
  record Case(String name, String keyEnv, BiFunction<LoopbackServer, String, String> install,
      ProviderFactory factory, String account, String jobRoute, String cancelRoute,
      String uploadRoute, String model, Hyperparameters hyperparameters) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> providers() {
    Hyperparameters epochs = new Hyperparameters(2, null, null, null, null, null, null, null);
    return Stream.of(
        new Case("openai", "OPENAI_API_KEY", (s, k) -> new FakeOpenAi(s, k).baseUrl(),
            new OpenAiProviderFactory(), null, FakeOpenAi.JOB, FakeOpenAi.CANCEL,
            FakeOpenAi.FILES, "gpt-4o-mini-2024-07-18", epochs),
        new Case("together", "TOGETHER_API_KEY", (s, k) -> new FakeTogether(s, k).baseUrl(),
            new TogetherProviderFactory(), null, FakeTogether.JOB, FakeTogether.CANCEL,
            FakeTogether.UPLOAD, "meta-llama/Llama-3-8b", epochs),
        new Case("fireworks", "FIREWORKS_API_KEY", (s, k) -> new FakeFireworks(s, k).baseUrl(),
            new FireworksProviderFactory(), FakeFireworks.ACCOUNT, FakeFireworks.JOB,
            FakeFireworks.CANCEL, FakeFireworks.DATASET_UPLOAD, "llama-v3p1-8b", epochs),
        new Case("mistral", "MISTRAL_API_KEY", (s, k) -> new FakeMistral(s, k).baseUrl(),
            new MistralProviderFactory(), null, FakeMistral.JOB, FakeMistral.CANCEL,
            FakeMistral.FILES, "open-mistral-7b", epochs));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void the_key_appears_in_no_message_notice_trace_or_registry_file(Case provider)
      throws IOException {
    List<String> seen = new ArrayList<>();
    Path registryDir = dir.resolve("registry");
    JobRegistry registry = new JobRegistry(registryDir);
    Path training = dir.resolve("train.jsonl");
    Files.writeString(training, "{\"messages\": []}\n");
    JobSpec spec = new JobSpec(provider.model(), TrainingMethod.SFT, training, null,
        provider.hyperparameters(), null, "9".repeat(64));
    RetryPolicy twice = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0, 0.2,
        Duration.ofSeconds(60), 3L);
    TestContexts.Recorded recorded = TestContexts.recorded(Map.of(provider.keyEnv(), KEY), twice,
        Duration.ofMillis(500));

    // A service that does not know the key and echoes it back.
    try (LoopbackServer strict = LoopbackServer.start()) {
      ProviderSettings settings = settings(provider, provider.install().apply(strict, "other"));
      capture(seen, () -> submitter(registry, recorded).submit(
          provider.factory().create(settings, recorded.context()), settings, spec, null));
    }

    try (LoopbackServer server = LoopbackServer.start()) {
      ProviderSettings settings = settings(provider, provider.install().apply(server, KEY));
      FineTuningProvider api = provider.factory().create(settings, recorded.context());
      server.fail("POST", provider.uploadRoute(), new Fault.AnswerAfter(
          Response.json(500, ECHO)));
      JobRecord record = submitter(registry, recorded).submit(api, settings, spec, "ft-leak-"
          + provider.name());
      JobHandle job = record.handle(registry.jobDir(record.clientKey()));
      for (int status : new int[] {400, 403, 404, 409, 422}) {
        server.fail("GET", provider.jobRoute(), new Fault.Answer(Response.json(status, ECHO)));
        capture(seen, () -> api.status(job));
      }
      for (int status : new int[] {429, 500, 503}) {
        Response answer = Response.json(status, ECHO).with("Retry-After", "1");
        server.fail("GET", provider.jobRoute(), new Fault.Answer(answer), new Fault.Answer(answer));
        capture(seen, () -> api.status(job));
      }
      server.fail("GET", provider.jobRoute(), new Fault.Answer(Response.json(200, KEY + " !")));
      capture(seen, () -> api.status(job));
      server.fail("GET", provider.jobRoute(), new Fault.Answer(Response.json(200,
          "{\"status\": \"" + KEY + "\", \"state\": \"" + KEY + "\"}")));
      capture(seen, () -> new JobTracker(registry, recorded.context().clock(),
          recorded.sleeper()).refresh(record.clientKey(), api));
      server.fail("GET", provider.jobRoute(), new Fault.Hang(), new Fault.Hang());
      capture(seen, () -> api.status(job));
      server.fail("POST", provider.cancelRoute(), new Fault.Drop(), new Fault.Drop());
      capture(seen, () -> api.cancel(job));
    }
    TestContexts.Recorded unset = TestContexts.recorded(Map.of(), twice, Duration.ofSeconds(1));
    capture(seen, () -> provider.factory().create(settings(provider, "http://127.0.0.1:9"),
        unset.context()).status(new JobHandle("x", dir)));

    seen.addAll(recorded.notices());
    try (Stream<Path> files = Files.walk(registryDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        seen.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    assertThat(seen).hasSizeGreaterThan(15);
    assertThat(String.join("\n", seen)).doesNotContain(KEY).doesNotContain(KEY.substring(8));
    assertThat(String.join("\n", seen)).contains(provider.keyEnv(), "[redacted]");
  }

  private static ProviderSettings settings(Case provider, String baseUrl) {
    ProviderSettings settings = provider.factory().defaults(provider.name()).withBaseUrl(baseUrl);
    return provider.account() == null ? settings : settings.withAccountId(provider.account());
  }

  private static JobSubmitter submitter(JobRegistry registry, TestContexts.Recorded recorded) {
    return new JobSubmitter(registry, recorded.context().clock(), recorded.context().retry(),
        recorded.context().sleeper(), recorded.context().notices());
  }

  private static void capture(List<String> seen, Runnable action) {
    try {
      action.run();
      fail("expected a failure");
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(e.getMessage());
      seen.add(trace.toString());
    }
  }
}
