package dev.ragft.rag.beir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Choose the fusion weights on another judged split instead of giving them: every weighting on a
 * grid (non-negative multiples of {@code step} that sum to 1) is scored by nDCG@10 on
 * {@code split}, and the best one is used to evaluate the judged split. Tuning on the split that
 * is then reported would report a fitted number, so the two must differ.
 *
 * @param split the split the weights are chosen on, for example {@code train}
 * @param step the grid step, one over a whole number from 1 to {@value #MAX_STEPS} (0.5, 0.25,
 *     0.2, 0.1, 0.05, ...)
 */
public record WeightTuning(String split, double step) {

  /** The finest grid: steps of 0.01. */
  public static final int MAX_STEPS = 100;

  /** The default step. */
  public static final double DEFAULT_STEP = 0.1;

  /** The most weightings one tuning scores; a finer step over many lists is refused. */
  public static final int MAX_CANDIDATES = 100_000;

  /** Validates the components. */
  public WeightTuning {
    Objects.requireNonNull(split, "split");
    if (split.isBlank()) {
      throw new IllegalArgumentException("the tuning split must be named, but is blank");
    }
    if (!(step > 0 && step <= 1) || Math.abs(steps(step) * step - 1) > 1e-9
        || steps(step) > MAX_STEPS) {
      throw new IllegalArgumentException("the tuning step must be one over a whole number from 1 "
          + "to " + MAX_STEPS + " (0.5, 0.25, 0.2, 0.1, 0.05, ...), but is: " + step);
    }
  }

  private static long steps(double step) {
    return Math.round(1 / step);
  }

  /**
   * Every weighting of {@code lists} lists on the grid, in a fixed order: the first list's weight
   * falling from 1, then the second's, and so on. Each weight is a whole number of steps divided
   * by the number of steps, so 0.3 is exactly the double nearest to 3/10.
   *
   * @param lists how many lists are fused, at least 1
   */
  public List<List<Double>> grid(int lists) {
    if (lists < 1) {
      throw new IllegalArgumentException("weight tuning needs at least one list, but has: " + lists);
    }
    int n = (int) steps(step);
    long count = candidates(lists, n);
    if (count > MAX_CANDIDATES) {
      throw new IllegalArgumentException("a tuning step of " + step + " over " + lists
          + " lists gives " + count + " weightings, more than " + MAX_CANDIDATES
          + "; choose a coarser step");
    }
    List<List<Double>> grid = new ArrayList<>((int) count);
    compose(new int[lists], 0, n, n, grid);
    return List.copyOf(grid);
  }

  private static void compose(int[] parts, int at, int left, int n, List<List<Double>> grid) {
    if (at == parts.length - 1) {
      parts[at] = left;
      List<Double> weights = new ArrayList<>(parts.length);
      for (int part : parts) {
        weights.add((double) part / n);
      }
      grid.add(List.copyOf(weights));
      return;
    }
    for (int part = left; part >= 0; part--) {
      parts[at] = part;
      compose(parts, at + 1, left - part, n, grid);
    }
  }

  /**
   * The number of ways to split {@code n} steps over {@code lists} lists, C(n + lists - 1, n);
   * {@link Long#MAX_VALUE} when it is larger than that.
   */
  static long candidates(int lists, int n) {
    long count = 1;
    for (int i = 1; i < lists; i++) {
      // C(n + i, i) = C(n + i - 1, i - 1) * (n + i) / i, a whole number at every step
      if (count > Long.MAX_VALUE / (n + i)) {
        return Long.MAX_VALUE;
      }
      count = count * (n + i) / i;
    }
    return count;
  }
}
