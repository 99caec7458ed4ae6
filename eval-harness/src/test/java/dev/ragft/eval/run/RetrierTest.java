package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.model.provider.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries with backoff, on failures that may pass only, with recorded (not slept) waits. */
class RetrierTest {

  private final List<Duration> waits = new ArrayList<>();
  private final Retrier retrier = new Retrier(new RetryPolicy(4, Duration.ofSeconds(1),
      Duration.ofSeconds(3)), waits::add);

  @Test
  void retriable_failures_are_repeated_with_doubling_waits_up_to_the_longest() {
    AtomicInteger calls = new AtomicInteger();

    String answer = retrier.call(() -> {
      if (calls.incrementAndGet() < 4) {
        throw new RetriableException("HTTP 503", null);
      }
      return "ok";
    });

    assertThat(answer).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(3));
  }

  @Test
  void a_wait_the_server_asks_for_is_honoured_up_to_the_longest() {
    AtomicInteger calls = new AtomicInteger();

    retrier.call(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new RetriableException("HTTP 429", Duration.ofSeconds(2), null);
      }
      if (calls.get() == 2) {
        throw new RagftException("wrapped", new RetriableException("429", Duration.ofHours(1),
            null));
      }
      return "ok";
    });

    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void other_failures_and_the_last_attempt_are_thrown_as_they_are() {
    RagftException bad = new RagftException("HTTP 400: bad request");
    assertThatThrownBy(() -> retrier.call(() -> {
      throw bad;
    })).isSameAs(bad);
    assertThat(waits).isEmpty();

    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retrier.call(() -> {
      calls.incrementAndGet();
      throw new RetriableException("timeout", null);
    })).hasMessage("timeout");
    assertThat(calls).hasValue(4);
  }
}
