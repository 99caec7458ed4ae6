package dev.ragft.eval.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * The paired comparison of two setups on the cases both finished.
 *
 * @param first the first setup (earlier in display order)
 * @param second the second setup
 * @param cases the paired cases
 * @param bothPass cases both pass
 * @param firstOnly cases only the first passes
 * @param secondOnly cases only the second passes
 * @param bothFail cases both fail
 * @param difference the second's pass rate minus the first's, with its paired bootstrap interval
 *     (empty without paired cases)
 * @param pValue the exact McNemar p-value
 * @param holmPValue the p-value after Holm's correction over every pair of the run
 * @param significant whether {@code holmPValue <= alpha}
 * @param detectableEffect the smallest difference these cases could detect given this pair's
 *     discordant share, at the configured alpha and power; empty when even 1 is out of reach
 */
public record PairTest(String first, String second, int cases, int bothPass, int firstOnly,
    int secondOnly, int bothFail, Optional<Estimate> difference, double pValue, double holmPValue,
    boolean significant, Optional<Double> detectableEffect) {

  /** Validates the components. */
  public PairTest {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(detectableEffect, "detectableEffect");
  }

  /** The discordant cases, {@code firstOnly + secondOnly}. */
  public int discordant() {
    return firstOnly + secondOnly;
  }
}
