package dev.ragft.eval.run;

import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.model.provider.RetryPolicy;
import dev.ragft.model.provider.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Repeats a model call that failed in a way that may pass (a {@link RetriableException} from
 * ragft's providers, LangChain4j's retriable exceptions, a timeout or an I/O failure anywhere in
 * the cause chain) as its {@link RetryPolicy} says, waiting longer each time; a wait the server
 * asked for is honoured up to the policy's longest wait. Any other failure, or the last one, is
 * thrown as it is. Thread-safe.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  /** A retrier waiting with {@code sleeper}. */
  public Retrier(RetryPolicy policy, Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Calls {@code call} until it succeeds, fails for good, or the attempts run out. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= policy.maxAttempts() || !retriable(e)) {
          throw e;
        }
        Duration wait = policy.delayBefore(attempt + 1);
        Duration asked = askedWait(e);
        if (asked != null && asked.compareTo(wait) > 0) {
          wait = asked.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : asked;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new RagftException("interrupted while waiting to retry a model call", e);
        }
      }
    }
  }

  /** Whether {@code error} may pass on another attempt. */
  public static boolean retriable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RetriableException || t instanceof TimeoutException
          || t instanceof IOException
          || t instanceof dev.langchain4j.exception.RetriableException) {
        return true;
      }
    }
    return false;
  }

  private static Duration askedWait(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RetriableException retriable && retriable.retryAfter().isPresent()) {
        return retriable.retryAfter().get();
      }
    }
    return null;
  }
}
