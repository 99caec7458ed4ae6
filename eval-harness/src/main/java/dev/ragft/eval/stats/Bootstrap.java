package dev.ragft.eval.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile bootstrap intervals over cases, seeded. Every call draws from a fresh
 * {@code java.util.Random(seed)} (whose algorithm the JDK specifies), so the same outcomes, seed
 * and settings give the same interval on every JDK. With {@code B} resamples and confidence
 * {@code c}, let {@code t = round(B (1 - c) / 2)}: the interval runs from the {@code (t+1)}-th
 * smallest to the {@code (t+1)}-th largest of the {@code B} resampled statistics.
 */
public final class Bootstrap {

  private final long seed;
  private final int resamples;
  private final int tail;

  /** A bootstrap with the given seed, and the resamples and confidence of {@code config}. */
  public Bootstrap(long seed, StatsConfig config) {
    this.seed = seed;
    this.resamples = config.resamples();
    this.tail = (int) Math.round(resamples * (1 - config.confidence()) / 2);
  }

  /**
   * The interval of the share of {@code true} outcomes (a pass rate).
   *
   * @throws IllegalArgumentException when there are no outcomes
   */
  public Interval proportion(boolean[] outcomes) {
    return meanDifference(new boolean[outcomes.length], outcomes);
  }

  /**
   * The interval of {@code mean(after) - mean(before)} for paired outcomes: each resample draws
   * cases, keeping both outcomes of a case together.
   *
   * @throws IllegalArgumentException when the arrays are empty or differ in length
   */
  public Interval meanDifference(boolean[] before, boolean[] after) {
    int n = before.length;
    if (n == 0 || after.length != n) {
      throw new IllegalArgumentException("the bootstrap needs paired outcomes of equal, non-zero "
          + "length, but has " + before.length + " and " + after.length);
    }
    Random random = new Random(seed);
    double[] statistics = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      int difference = 0;
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        difference += (after[pick] ? 1 : 0) - (before[pick] ? 1 : 0);
      }
      statistics[r] = (double) difference / n;
    }
    Arrays.sort(statistics);
    return new Interval(statistics[tail], statistics[resamples - 1 - tail]);
  }
}
