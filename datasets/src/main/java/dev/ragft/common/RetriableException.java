package dev.ragft.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may go away when the same call is made again: a rate limit (HTTP 429), a server
 * error (5xx), a timeout or a dropped connection. Carries the wait the other side asked for, when it
 * asked (for example a {@code Retry-After} header).
 */
public class RetriableException extends RagftException {

  private final Duration retryAfter;

  /** Creates a retriable failure with no requested wait. */
  public RetriableException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /** Creates a retriable failure; {@code retryAfter} may be null when the peer asked for no wait. */
  public RetriableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the other side asked for before the next attempt, if it asked for one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
