package dev.ragft.eval.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilson score intervals for a share {@code k / n}: well behaved at 0 and {@code n} and for
 * small {@code n}, where a percentile bootstrap collapses to a point. The diagnosis uses them for
 * the shares it reasons with.
 */
public final class Wilson {

  private Wilson() {
  }

  /**
   * The Wilson score interval of {@code k} successes in {@code n} trials.
   *
   * @throws IllegalArgumentException unless {@code 0 <= k <= n} and {@code n > 0}
   */
  public static Interval interval(int k, int n, double confidence) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("a Wilson interval needs 0 <= k <= n and n > 0, but k = "
          + k + " and n = " + n);
    }
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half));
  }
}
