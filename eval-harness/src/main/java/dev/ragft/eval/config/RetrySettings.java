package dev.ragft.eval.config;

import dev.ragft.model.provider.RetryPolicy;
import java.time.Duration;

/**
 * How a model call that failed in a way that may pass (HTTP 429, 5xx, a timeout, a dropped
 * connection) is repeated: {@code attempts} calls in all, waiting {@code initialDelaySeconds}
 * before the second and twice as long before each further one, at most
 * {@code maxDelaySeconds}; a wait the server asks for (Retry-After) is honoured up to that.
 *
 * @param attempts calls in all; default 4
 * @param initialDelaySeconds the first wait; default 1
 * @param maxDelaySeconds the longest wait; default 30
 */
public record RetrySettings(Integer attempts, Double initialDelaySeconds,
    Double maxDelaySeconds) {

  /** Applies the defaults and validates. */
  public RetrySettings {
    attempts = attempts == null ? 4 : attempts;
    initialDelaySeconds = initialDelaySeconds == null ? 1.0 : initialDelaySeconds;
    maxDelaySeconds = maxDelaySeconds == null ? 30.0 : maxDelaySeconds;
    policy(attempts, initialDelaySeconds, maxDelaySeconds);
  }

  /** The defaults. */
  public static RetrySettings defaults() {
    return new RetrySettings(null, null, null);
  }

  /** The policy these settings describe. */
  public RetryPolicy policy() {
    return policy(attempts, initialDelaySeconds, maxDelaySeconds);
  }

  private static RetryPolicy policy(int attempts, double initial, double max) {
    return new RetryPolicy(attempts, Duration.ofMillis(Math.round(initial * 1000)),
        Duration.ofMillis(Math.round(max * 1000)));
  }
}
