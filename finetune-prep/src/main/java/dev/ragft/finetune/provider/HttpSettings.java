package dev.ragft.finetune.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of the HTTP calls to remote providers.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer (uploads included)
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout) {

  /** Validates the components. */
  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()
        || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("HTTP timeouts must be > 0, but are: " + connectTimeout
          + " and " + requestTimeout);
    }
  }

  /** 10 s to connect, 5 min for an answer (uploads of large training files take a while). */
  public static HttpSettings defaults() {
    return new HttpSettings(Duration.ofSeconds(10), Duration.ofMinutes(5));
  }
}
