package dev.ragft.eval.stats;

/**
 * A confidence interval.
 *
 * @param low the lower end
 * @param high the upper end, at least {@code low}
 */
public record Interval(double low, double high) {

  /** Validates the ends. */
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("an interval needs low <= high, but is: [" + low + ", "
          + high + "]");
    }
  }

  /** Whether {@code value} lies inside, ends included. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
