package dev.ragft.eval.report;

import java.util.Objects;

/**
 * Call latency of a setup: it differs between runs, so it is reported only on request.
 *
 * @param setupId the setup
 * @param calls the calls measured (those not answered from the cache)
 * @param medianMillis the median, by the lower middle value
 * @param p95Millis the 95th percentile, by nearest rank
 * @param maxMillis the slowest call
 */
public record SetupLatency(String setupId, int calls, long medianMillis, long p95Millis,
    long maxMillis) {

  /** Validates the components. */
  public SetupLatency {
    Objects.requireNonNull(setupId, "setupId");
  }
}
