package dev.ragft.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for multiple tests. Sorting the {@code m} p-values ascending, the
 * {@code i}-th (from 0) is adjusted to {@code min(1, max over j <= i of (m - j) p(j))}; a hypothesis
 * is rejected at level {@code alpha} exactly when its adjusted p-value is at most {@code alpha},
 * which is Holm's procedure. Ties keep their input order, so the result is deterministic.
 */
public final class Holm {

  private Holm() {
  }

  /** The Holm-adjusted p-values, in the order of {@code pValues}. */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException("p-values must be in [0, 1], but one is: " + pValues[i]);
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int index = order[rank];
      running = Math.max(running, Math.min(1.0, (m - rank) * pValues[index]));
      adjusted[index] = running;
    }
    return adjusted;
  }
}
