package dev.ragft.eval.stats;

import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The smallest difference in pass rate between two setups that a paired design with {@code n}
 * cases detects with the given power, by Connor's (1987) sample-size formula for McNemar's test:
 * {@code n = (z(1-alpha/2) sqrt(psi) + z(power) sqrt(psi - delta^2))^2 / delta^2}, where
 * {@code psi} is the share of discordant cases and {@code delta} the difference in pass rate.
 * Since the discordant share is at least {@code delta}, {@code psi} is taken as
 * {@code max(psi, delta)}; the required {@code n} then falls as {@code delta} grows, and the
 * answer is the {@code delta} at which it equals the case count, found by bisection. It is a
 * normal approximation: for a handful of cases, trust {@link McNemar#minimumDiscordant} instead.
 */
public final class DetectableEffect {

  private static final int ITERATIONS = 60;

  private DetectableEffect() {
  }

  /**
   * The smallest detectable difference for {@code n} paired cases and discordant share
   * {@code psi}; empty when even a difference of 1 needs more cases.
   */
  public static OptionalDouble paired(int n, double psi, double alpha, double power) {
    if (n < 0 || !(psi >= 0 && psi <= 1)) {
      throw new IllegalArgumentException("need n >= 0 and psi in [0, 1], but n = " + n
          + " and psi = " + psi);
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double za = normal.inverseCumulativeProbability(1 - alpha / 2);
    double zb = normal.inverseCumulativeProbability(power);
    if (requiredCases(1.0, psi, za, zb) > n) {
      return OptionalDouble.empty();
    }
    double low = 0;
    double high = 1;
    for (int i = 0; i < ITERATIONS; i++) {
      double mid = (low + high) / 2;
      if (requiredCases(mid, psi, za, zb) > n) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return OptionalDouble.of(high);
  }

  /**
   * The smallest difference any paired test on {@code n} cases can detect: the most favourable
   * case, where every discordant case goes the same way ({@code psi = delta}).
   */
  public static OptionalDouble bound(int n, double alpha, double power) {
    return paired(n, 0, alpha, power);
  }

  /** Connor's required number of cases for difference {@code delta} and discordance {@code psi}. */
  static double requiredCases(double delta, double psi, double za, double zb) {
    double discordance = Math.max(psi, delta);
    double root = za * Math.sqrt(discordance) + zb * Math.sqrt(Math.max(0, discordance - delta * delta));
    return root * root / (delta * delta);
  }
}
