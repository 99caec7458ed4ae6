package dev.ragft.eval.config;

/**
 * How hard one provider may be called: a token bucket of {@code burst} requests refilled at
 * {@code requestsPerSecond}, and at most {@code concurrent} requests at once. In-process
 * llama.cpp always runs one request at a time.
 *
 * @param requestsPerSecond the sustained rate; null for no rate limit
 * @param burst the requests allowed at once after a quiet spell; default 1
 * @param concurrent the requests in flight at once; default the run's concurrency
 */
public record RateLimit(Double requestsPerSecond, Integer burst, Integer concurrent) {

  /** Applies the defaults and validates. */
  public RateLimit {
    if (requestsPerSecond != null
        && !(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond))) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0, but is: "
          + requestsPerSecond);
    }
    burst = burst == null ? 1 : burst;
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1, but is: " + burst);
    }
    if (concurrent != null && concurrent < 1) {
      throw new IllegalArgumentException("concurrent must be >= 1, but is: " + concurrent);
    }
  }
}
