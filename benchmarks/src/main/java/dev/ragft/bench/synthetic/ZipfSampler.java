package dev.ragft.bench.synthetic;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws ranks {@code 0..size-1} with probability proportional to {@code 1 / (rank + 1)^exponent}
 * (Zipf's law, which word frequencies in natural text follow), by binary search in the cumulative
 * distribution. Immutable and thread-safe; the randomness comes from the caller's generator, so a
 * seeded generator gives a reproducible sequence.
 */
public final class ZipfSampler {

  private final double[] cumulative;

  /**
   * A sampler over {@code size} ranks.
   *
   * @param size the number of ranks, at least 1
   * @param exponent the Zipf exponent, greater than 0 (about 1 for English words)
   */
  public ZipfSampler(int size, double exponent) {
    if (size < 1) {
      throw new IllegalArgumentException("Zipf size must be >= 1, but is: " + size);
    }
    if (!(exponent > 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("Zipf exponent must be > 0, but is: " + exponent);
    }
    cumulative = new double[size];
    double sum = 0;
    for (int rank = 0; rank < size; rank++) {
      sum += Math.pow(rank + 1, -exponent);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= sum;
    }
    cumulative[size - 1] = 1.0;
  }

  /** The number of ranks. */
  public int size() {
    return cumulative.length;
  }

  /** The probability of {@code rank}. */
  public double probability(int rank) {
    return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
  }

  /** One rank, drawn with {@code random}. */
  public int sample(RandomGenerator random) {
    int found = Arrays.binarySearch(cumulative, random.nextDouble());
    return found >= 0 ? found : -found - 1;
  }
}
