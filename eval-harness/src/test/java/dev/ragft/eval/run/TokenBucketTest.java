package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.model.provider.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limiter on an injected clock: waits are computed, never slept. */
class TokenBucketTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new ArrayList<>();
  /** Records each wait and moves the clock past it, as a real wait would. */
  private final Sleeper sleeper = delay -> {
    waits.add(delay);
    now.addAndGet(delay.toNanos());
  };

  @Test
  void a_full_bucket_lets_a_burst_through_then_spaces_requests_by_the_rate() throws Exception {
    TokenBucket bucket = new TokenBucket(2.0, 3, now::get, sleeper);

    for (int i = 0; i < 6; i++) {
      bucket.acquire();
    }

    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500),
        Duration.ofMillis(500));
  }

  @Test
  void quiet_time_refills_the_bucket_up_to_the_burst() throws Exception {
    TokenBucket bucket = new TokenBucket(1.0, 2, now::get, sleeper);
    bucket.acquire();
    bucket.acquire();

    now.addAndGet(Duration.ofSeconds(10).toNanos());
    bucket.acquire();
    bucket.acquire();
    bucket.acquire();

    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void requests_that_must_wait_queue_behind_each_other() {
    TokenBucket bucket = new TokenBucket(4.0, 1, now::get, sleeper);

    long first = bucket.reserve();
    long second = bucket.reserve();
    long third = bucket.reserve();

    assertThat(List.of(first, second, third)).containsExactly(0L, 250_000_000L, 500_000_000L);
  }

  @Test
  void bad_settings_are_rejected() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, now::get, sleeper))
        .hasMessage("rate must be > 0 per second, but is: 0.0");
    assertThatThrownBy(() -> new TokenBucket(1, 0, now::get, sleeper))
        .hasMessage("burst must be >= 1, but is: 0");
  }
}
