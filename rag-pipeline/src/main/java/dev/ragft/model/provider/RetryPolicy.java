package dev.ragft.model.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a remote call is repeated after a failure that may pass (HTTP 429,
 * 5xx, a timeout, a dropped connection): up to {@code maxAttempts} calls in all, waiting
 * {@code initialDelay} before the second and twice as long before each further one, never more
 * than {@code maxDelay}. The waits are fixed (no random jitter), so a run is repeatable.
 *
 * @param maxAttempts calls in all, at least 1 (1 means no retry)
 * @param initialDelay the wait before the second call
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  /** Validates the components. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be >= 1, but is: " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= initial <= max, but are: "
          + initialDelay + " and " + maxDelay);
    }
  }

  /** Up to {@code retries} retries after the first call, starting at one second, at most 30. */
  public static RetryPolicy of(int retries) {
    return new RetryPolicy(retries + 1, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** The wait before attempt {@code attempt} (2 for the first retry). */
  public Duration delayBefore(int attempt) {
    long factor = 1L << Math.min(30, Math.max(0, attempt - 2));
    Duration delay = initialDelay.multipliedBy(factor);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
