package dev.ragft.finetune.testing;

import dev.ragft.finetune.job.RetryPolicy;
import dev.ragft.finetune.provider.HttpSettings;
import dev.ragft.finetune.provider.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Provider contexts for tests: a fixed clock, a fake environment, recorded waits and notices. */
public final class TestContexts {

  /** A recognisable fake API key that must never appear in any output. */
  public static final String FAKE_KEY = "sk-ragft-FAKE-0123456789abcdefSECRET";
  /** "Today" in tests: 2026-11-21, 46 days before OpenAI's last day for new jobs. */
  public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  /** What a context built here recorded. */
  public record Recorded(ProviderContext context, RecordingSleeper sleeper, List<String> notices) {
  }

  private TestContexts() {
  }

  /**
   * A context whose environment holds {@link #FAKE_KEY} under {@code keyEnv}, with 4 attempts,
   * waits of 1, 2, 4 s without jitter, a 10 s request timeout and a fixed clock.
   */
  public static Recorded recorded(String keyEnv) {
    return recorded(Map.of(keyEnv, FAKE_KEY), noJitter(), Duration.ofSeconds(10));
  }

  /** A context with the given environment, retry policy and request timeout. */
  public static Recorded recorded(Map<String, String> environment, RetryPolicy retry,
      Duration requestTimeout) {
    RecordingSleeper sleeper = new RecordingSleeper();
    List<String> notices = new CopyOnWriteArrayList<>();
    ProviderContext context = new ProviderContext(environment::get,
        new HttpSettings(Duration.ofSeconds(5), requestTimeout), retry, sleeper,
        Clock.fixed(NOW, ZoneOffset.UTC), notices::add);
    return new Recorded(context, sleeper, notices);
  }

  /** Four attempts, 1 s doubling to 8 s, no jitter, Retry-After honoured up to 60 s. */
  public static RetryPolicy noJitter() {
    return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0,
        Duration.ofSeconds(60), 7L);
  }
}
