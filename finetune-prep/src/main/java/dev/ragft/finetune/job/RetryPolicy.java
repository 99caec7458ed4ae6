package dev.ragft.finetune.job;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * How often and how long to wait before trying a failed call again: exponential backoff with
 * jitter drawn from a seeded random source, so that the waits of a run can be replayed. A wait the
 * other side asked for ({@code Retry-After}) is honoured as given, up to {@link #maxRetryAfter()}.
 *
 * @param maxAttempts how many attempts in all, at least 1
 * @param initialDelay the wait before the second attempt, before jitter
 * @param maxDelay the longest wait, before jitter
 * @param multiplier the growth of the wait per attempt, at least 1
 * @param jitter the largest fraction taken off a wait at random, in [0, 1)
 * @param maxRetryAfter the longest requested wait honoured; a longer request ends the retries
 * @param seed the seed of the jitter
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    double multiplier,
    double jitter,
    Duration maxRetryAfter,
    long seed) {

  /** Validates the components. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, but is: " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay, but are: "
          + initialDelay + " and " + maxDelay);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("multiplier must be >= 1, but is: " + multiplier);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), but is: " + jitter);
    }
  }

  /** Six attempts, waits from 1 s doubling up to 60 s, 20% jitter, Retry-After honoured to 10 min. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2,
        Duration.ofMinutes(10), 42L);
  }

  /** A new jitter source for one client, seeded from {@link #seed()}. */
  public Random newRandom() {
    return new Random(seed);
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts: the
   * requested wait when there is one, otherwise the backoff for this attempt with jitter from
   * {@code random}.
   */
  public Duration delay(int attempt, Optional<Duration> requested, Random random) {
    if (requested.isPresent()) {
      return requested.get();
    }
    double base = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxDelay.toNanos());
    double factor = 1.0 - jitter * random.nextDouble();
    return Duration.ofNanos(Math.round(capped * factor));
  }
}
