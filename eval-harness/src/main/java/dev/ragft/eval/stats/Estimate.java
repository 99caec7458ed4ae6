package dev.ragft.eval.stats;

import java.util.Objects;

/**
 * A value with its confidence interval.
 *
 * @param value the point estimate
 * @param interval its interval
 */
public record Estimate(double value, Interval interval) {

  /** Validates the components. */
  public Estimate {
    Objects.requireNonNull(interval, "interval");
  }
}
