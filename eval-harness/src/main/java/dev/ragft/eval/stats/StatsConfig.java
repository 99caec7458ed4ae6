package dev.ragft.eval.stats;

/**
 * How statistics are computed.
 *
 * @param resamples bootstrap resamples, at least 100
 * @param confidence the confidence level of every interval, in (0.5, 1)
 * @param alpha the significance level of the tests (after Holm's correction), in (0, 0.5)
 * @param power the power the detectable effect is computed for, in (0.5, 1)
 */
public record StatsConfig(int resamples, double confidence, double alpha, double power) {

  /** 2,000 resamples, 95% intervals, alpha 0.05, power 0.8. */
  public static final StatsConfig DEFAULT = new StatsConfig(2000, 0.95, 0.05, 0.8);

  /** Validates the settings. */
  public StatsConfig {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be >= 100, but is: " + resamples);
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), but is: " + confidence);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5), but is: " + alpha);
    }
    if (!(power > 0.5 && power < 1)) {
      throw new IllegalArgumentException("power must be in (0.5, 1), but is: " + power);
    }
  }
}
