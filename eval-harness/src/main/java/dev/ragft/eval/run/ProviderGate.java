package dev.ragft.eval.run;

import dev.ragft.common.RagftException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * What every call to one provider passes through: at most {@code concurrent} calls at once, and
 * the provider's token bucket, if it has one. In-process llama.cpp gets one call at a time.
 * Thread-safe.
 */
public final class ProviderGate {

  private final Semaphore slots;
  private final TokenBucket bucket;

  /**
   * A gate.
   *
   * @param concurrent the calls allowed at once, at least 1
   * @param bucket the rate limit, or null for none
   */
  public ProviderGate(int concurrent, TokenBucket bucket) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent must be >= 1, but is: " + concurrent);
    }
    this.slots = new Semaphore(concurrent, true);
    this.bucket = bucket;
  }

  /** Runs {@code call} once a slot and a token are free. */
  public <T> T pass(Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RagftException("interrupted while waiting to call a model", e);
    }
    try {
      if (bucket != null) {
        bucket.acquire();
      }
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RagftException("interrupted while waiting for the rate limit", e);
    } finally {
      slots.release();
    }
  }
}
