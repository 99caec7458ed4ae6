package dev.ragft.eval.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The exact (conditional) McNemar test for paired pass/fail outcomes: under the null hypothesis
 * that two setups pass equally often, each discordant case (one passes, the other fails) is a
 * fair coin, so with {@code X ~ Binomial(b + c, 1/2)} the two-sided p-value is
 * {@code min(1, 2 P(X <= min(b, c)))}. With no discordant cases it is 1.
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
    double tail = BinomialDistribution.of(b + c, 0.5).cumulativeProbability(Math.min(b, c));
    return Math.min(1.0, 2 * tail);
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
