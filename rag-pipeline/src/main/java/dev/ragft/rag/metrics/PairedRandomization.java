package dev.ragft.rag.metrics;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The paired randomization (sign-flip) test for a difference of means over the same queries: under
 * the null hypothesis that two systems are exchangeable, each query's difference is as likely to
 * have the other sign, so the observed mean difference is set against the mean differences of
 * random sign assignments. Two-sided. With up to 2^20 assignments and no more than the asked-for
 * number of them, every assignment is enumerated and the p-value is exact; otherwise the
 * assignments are drawn from a generator seeded by the caller, and the p-value is
 * {@code (extreme + 1) / (draws + 1)}, never zero.
 */
public final class PairedRandomization {

  /** Differences closer than this to the observed one count as equally extreme. */
  private static final double EPSILON = 1e-12;

  private PairedRandomization() {
  }

  /**
   * The two-sided p-value of the mean of {@code differences}.
   *
   * @param differences one difference per query (candidate minus baseline)
   * @param draws how many random sign assignments at most, at least 1
   * @param seed the generator's seed
   */
  public static double pValue(List<Double> differences, int draws, long seed) {
    if (draws < 1) {
      throw new IllegalArgumentException("sign flips must be >= 1, but is: " + draws);
    }
    int n = differences.size();
    if (n == 0) {
      return 1.0;
    }
    double[] d = new double[n];
    double observed = 0;
    for (int i = 0; i < n; i++) {
      d[i] = differences.get(i);
      observed += d[i];
    }
    double threshold = Math.abs(observed) - EPSILON * n;
    if (n <= 20 && (1L << n) <= draws) {
      long extreme = 0;
      for (long signs = 0; signs < (1L << n); signs++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += (signs >>> i & 1) == 0 ? d[i] : -d[i];
        }
        if (Math.abs(sum) >= threshold) {
          extreme++;
        }
      }
      return (double) extreme / (1L << n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long extreme = 0;
    for (int draw = 0; draw < draws; draw++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += random.nextBoolean() ? d[i] : -d[i];
      }
      if (Math.abs(sum) >= threshold) {
        extreme++;
      }
    }
    return (extreme + 1.0) / (draws + 1.0);
  }
}
