package dev.ragft.finetune.job;

import dev.ragft.common.RagftException;
import java.time.Duration;

/**
 * Waits between attempts and between polls. Production code uses {@link #real()}; tests pass a
 * sleeper that records the waits asked for, so retries are tested without waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}; an interrupt ends the wait with a {@link RagftException}. */
  void sleep(Duration duration);

  /** A sleeper that really waits, keeping the thread's interrupt status. */
  static Sleeper real() {
    return duration -> {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RagftException("interrupted while waiting " + duration.toMillis() + " ms.", e);
      }
    };
  }
}
