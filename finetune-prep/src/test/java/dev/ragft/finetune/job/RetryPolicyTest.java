package dev.ragft.finetune.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static List<Duration> delays(RetryPolicy policy, int count) {
    Random random = policy.newRandom();
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= count; attempt++) {
      delays.add(policy.delay(attempt, Optional.empty(), random));
    }
    return delays;
  }

  @Test
  void without_jitter_waits_double_up_to_the_cap() {
    RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0,
        0.0, Duration.ofMinutes(1), 1L);

    assertThat(delays(policy, 5)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void jitter_takes_at_most_its_fraction_off_and_replays_with_the_same_seed() {
    RetryPolicy policy = RetryPolicy.defaults();
    List<Duration> first = delays(policy, 6);
    long seed = policy.seed();
    System.out.println("RetryPolicyTest seed: " + seed);

    assertThat(delays(policy, 6)).isEqualTo(first);
    long[] bases = {1000, 2000, 4000, 8000, 16000, 32000};
    for (int i = 0; i < bases.length; i++) {
      assertThat(first.get(i).toMillis()).isBetween(Math.round(bases[i] * 0.8), bases[i]);
    }
    RetryPolicy other = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0,
        0.2, Duration.ofMinutes(10), seed + 1);
    assertThat(delays(other, 6)).isNotEqualTo(first);
  }

  @Test
  void a_requested_wait_is_honoured_as_given() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.delay(3, Optional.of(Duration.ofMillis(1500)), policy.newRandom()))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void nonsense_settings_are_refused_with_their_values() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2, 0,
        Duration.ZERO, 1)).hasMessage("maxAttempts must be >= 1, but is: 0");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
        1.0, Duration.ZERO, 1)).hasMessage("jitter must be in [0, 1), but is: 1.0");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(3), Duration.ofSeconds(2), 2,
        0, Duration.ZERO, 1)).hasMessage(
        "delays must satisfy 0 <= initialDelay <= maxDelay, but are: PT3S and PT2S");
  }
}
