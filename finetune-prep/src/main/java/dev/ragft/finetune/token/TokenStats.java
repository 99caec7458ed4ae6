package dev.ragft.finetune.token;

import java.util.Arrays;

/**
 * The distribution of token counts over a set of examples. Percentiles use the nearest-rank
 * method: the p-th percentile is the smallest count at or above p% of the examples.
 *
 * @param examples how many examples
 * @param total the sum of their tokens
 * @param min the smallest count (0 when there are no examples)
 * @param median the 50th percentile
 * @param p95 the 95th percentile
 * @param max the largest count
 */
public record TokenStats(int examples, long total, int min, int median, int p95, int max) {

  /** Validates the components. */
  public TokenStats {
    if (examples < 0 || total < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** The statistics of {@code counts}; the array is not changed. */
  public static TokenStats of(int[] counts) {
    if (counts.length == 0) {
      return new TokenStats(0, 0, 0, 0, 0, 0);
    }
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    long total = 0;
    for (int count : sorted) {
      total += count;
    }
    return new TokenStats(sorted.length, total, sorted[0], nearestRank(sorted, 50),
        nearestRank(sorted, 95), sorted[sorted.length - 1]);
  }

  private static int nearestRank(int[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
