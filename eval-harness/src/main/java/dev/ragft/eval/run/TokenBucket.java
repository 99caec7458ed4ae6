package dev.ragft.eval.run;

import dev.ragft.model.provider.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket rate limiter: it holds at most {@code burst} tokens, refilled at
 * {@code perSecond}; each request takes one, waiting for it when there is none. Requests are
 * served in the order they ask (a request that must wait reserves its token first, so later ones
 * wait behind it). The clock and the wait are injected, so tests run without sleeping.
 * Thread-safe.
 */
public final class TokenBucket {

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  /**
   * A full bucket.
   *
   * @param perSecond tokens added per second, &gt; 0
   * @param burst the most tokens held, at least 1
   * @param nanoClock a monotonic clock in nanoseconds
   * @param sleeper waits
   */
  public TokenBucket(double perSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
    if (!(perSecond > 0 && Double.isFinite(perSecond))) {
      throw new IllegalArgumentException("rate must be > 0 per second, but is: " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1, but is: " + burst);
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.tokens = burst;
    this.last = nanoClock.getAsLong();
  }

  /** Takes a token, waiting until there is one. */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }

  /** Takes a token now (the balance may go below zero) and says how long to wait for it. */
  synchronized long reserve() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
  }
}
