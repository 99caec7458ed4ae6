package dev.ragft.rag.retrieve;

import java.util.List;
import java.util.Objects;

/**
 * Fuses ranked lists from several retrievers into one. Raw scores from different retrievers are
 * never added: BM25 scores are unbounded and depend on the query, cosine similarities are not, so
 * a raw sum lets one retriever drown the other. Instead, either reciprocal rank fusion uses only
 * ranks, or each list's scores are first normalized. Results are in {@link Hit#ORDER} (ties broken
 * by id), so fusion is deterministic.
 */
public sealed interface Fusion {

  /**
   * Fuses ranked lists.
   *
   * @param lists one ranked list per retriever, each in {@link Hit#ORDER}
   * @param weights one weight per list
   * @return every id found in any list, fused, in {@link Hit#ORDER}
   */
  default List<Hit> fuse(List<List<Hit>> lists, List<Double> weights) {
    FusionSlots slots = FusionSlots.ofHits(lists);
    return slots.sorted(slots.fuse(this, weights));
  }

  /**
   * The first {@code k} of {@link #fuse}, the same hits with the same scores, without ordering
   * the rest.
   *
   * @param lists one ranked list per retriever, each in {@link Hit#ORDER}
   * @param weights one weight per list
   * @param k how many to return, at least 1
   * @return the top {@code k} ids (fewer when the lists hold fewer), in {@link Hit#ORDER}
   */
  default List<Hit> top(List<List<Hit>> lists, List<Double> weights, int k) {
    FusionSlots slots = FusionSlots.ofHits(lists);
    return slots.top(slots.fuse(this, weights), k);
  }

  /**
   * Reciprocal rank fusion: an id scores {@code sum(weight / (k + rank))} over the lists it is
   * in, ranks starting at 1.
   *
   * @param k the damping constant (60 in the original paper and by default)
   */
  record Rrf(int k) implements Fusion {

    /** The usual constant. */
    public static final int DEFAULT_K = 60;

    /** Validates k. */
    public Rrf {
      if (k < 0) {
        throw new IllegalArgumentException("RRF k must be >= 0, but is: " + k);
      }
    }
  }

  /**
   * A weighted sum of normalized scores. Each list's scores are normalized on their own (min-max
   * to [0, 1], or z-scores); an id missing from a list gets that list's lowest normalized score,
   * since it ranked below everything the list returned.
   *
   * @param normalization how scores are normalized
   */
  record WeightedSum(Normalization normalization) implements Fusion {

    /** Validates the components. */
    public WeightedSum {
      Objects.requireNonNull(normalization, "normalization");
    }
  }

  /** How {@link WeightedSum} puts each list's scores on one scale. */
  enum Normalization {
    /** {@code (s - min) / (max - min)}; a list whose scores are all equal maps to 1. */
    MIN_MAX,
    /** {@code (s - mean) / stddev}; a list whose scores are all equal maps to 0. */
    Z_SCORE;

    /** The normalized value of each score of one list, in list order. */
    double[] values(double[] scores) {
      int n = scores.length;
      double[] values = new double[n];
      if (n == 0) {
        return values;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (double score : scores) {
        min = Math.min(min, score);
        max = Math.max(max, score);
        sum += score;
      }
      double mean = sum / n;
      double squares = 0;
      for (double score : scores) {
        squares += (score - mean) * (score - mean);
      }
      double std = Math.sqrt(squares / n);
      for (int i = 0; i < n; i++) {
        double score = scores[i];
        values[i] = switch (this) {
          case MIN_MAX -> max == min ? 1.0 : (score - min) / (max - min);
          case Z_SCORE -> std == 0 ? 0.0 : (score - mean) / std;
        };
      }
      return values;
    }
  }
}
