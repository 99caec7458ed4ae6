package dev.ragft.eval.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * The exact (conditional) McNemar test for paired pass/fail outcomes: under the null hypothesis
 * that two setups pass equally often, each discordant case (one passes, the other fails) is a
 * fair coin, so the two-sided p-value is that of a binomial test of {@code b} successes in
 * {@code b + c} trials with probability one half. With no discordant cases the p-value is 1.
 */
public final class McNemar {

  private McNemar() {
  }

  /**
   * The two-sided exact p-value for {@code b} cases where only the first setup passes and
   * {@code c} where only the second does.
   *
   * @throws IllegalArgumentException when a count is negative
   */
  public static double exactPValue(int b, int c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0, but are: " + b + ", " + c);
    }
    if (b + c == 0) {
      return 1.0;
    }
    return BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
        .test(b + c, b, 0.5).getPValue();
  }

  /**
   * The fewest discordant cases, all in one direction, whose two-sided exact p-value is below
   * {@code alpha}: with fewer, no pair of setups can differ significantly.
   */
  public static int minimumDiscordant(double alpha) {
    int n = 1;
    while (exactPValue(0, n) >= alpha) {
      n++;
    }
    return n;
  }
}
