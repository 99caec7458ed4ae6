package dev.ragft.rag.retrieve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  List<Hit> fuse(List<List<Hit>> lists, List<Double> weights);

  /**
   * The first {@code k} of {@link #fuse}, the same hits with the same scores, without ordering
   * the rest.
   *
   * @param lists one ranked list per retriever, each in {@link Hit#ORDER}
   * @param weights one weight per list
   * @param k how many to return, at least 1
   * @return the top {@code k} ids (fewer when the lists hold fewer), in {@link Hit#ORDER}
   */
  List<Hit> top(List<List<Hit>> lists, List<Double> weights, int k);

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

    @Override
    public List<Hit> fuse(List<List<Hit>> lists, List<Double> weights) {
      FusionSlots slots = new FusionSlots(lists);
      return slots.sorted(scores(slots, lists, weights));
    }

    @Override
    public List<Hit> top(List<List<Hit>> lists, List<Double> weights, int k) {
      FusionSlots slots = new FusionSlots(lists);
      return slots.top(scores(slots, lists, weights), k);
    }

    private double[] scores(FusionSlots slots, List<List<Hit>> lists, List<Double> weights) {
      checkSizes(lists, weights);
      double[] fused = new double[slots.size()];
      for (int i = 0; i < lists.size(); i++) {
        int[] listSlots = slots.of(i);
        double weight = weights.get(i);
        for (int rank = 0; rank < listSlots.length; rank++) {
          fused[listSlots[rank]] += weight / (k + rank + 1.0);
        }
      }
      return fused;
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

    @Override
    public List<Hit> fuse(List<List<Hit>> lists, List<Double> weights) {
      FusionSlots slots = new FusionSlots(lists);
      return slots.sorted(scores(slots, lists, weights));
    }

    @Override
    public List<Hit> top(List<List<Hit>> lists, List<Double> weights, int k) {
      FusionSlots slots = new FusionSlots(lists);
      return slots.top(scores(slots, lists, weights), k);
    }

    private double[] scores(FusionSlots slots, List<List<Hit>> lists, List<Double> weights) {
      checkSizes(lists, weights);
      double[] fused = new double[slots.size()];
      double[] normalized = new double[slots.size()];
      for (int i = 0; i < lists.size(); i++) {
        int[] listSlots = slots.of(i);
        Arrays.fill(normalized, Double.NaN);
        double[] values = normalization.values(lists.get(i));
        for (int j = 0; j < listSlots.length; j++) {
          int slot = listSlots[j];
          normalized[slot] = Double.isNaN(normalized[slot]) ? values[j]
              : Math.max(normalized[slot], values[j]);
        }
        double floor = Double.POSITIVE_INFINITY;
        for (int slot : listSlots) {
          floor = Math.min(floor, normalized[slot]);
        }
        if (listSlots.length == 0) {
          floor = 0;
        }
        double weight = weights.get(i);
        for (int slot = 0; slot < fused.length; slot++) {
          fused[slot] += weight * (Double.isNaN(normalized[slot]) ? floor : normalized[slot]);
        }
      }
      return fused;
    }
  }

  /** How {@link WeightedSum} puts each list's scores on one scale. */
  enum Normalization {
    /** {@code (s - min) / (max - min)}; a list whose scores are all equal maps to 1. */
    MIN_MAX,
    /** {@code (s - mean) / stddev}; a list whose scores are all equal maps to 0. */
    Z_SCORE;

    /**
     * The normalized score of every id in the list; an id listed twice keeps its higher score.
     */
    public Map<String, Double> apply(List<Hit> list) {
      double[] values = values(list);
      Map<String, Double> out = new HashMap<>();
      for (int i = 0; i < values.length; i++) {
        out.merge(list.get(i).id(), values[i], Math::max);
      }
      return out;
    }

    /** The normalized score of each hit of the list, in list order. */
    double[] values(List<Hit> list) {
      int n = list.size();
      double[] values = new double[n];
      if (n == 0) {
        return values;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double score = list.get(i).score();
        min = Math.min(min, score);
        max = Math.max(max, score);
        sum += score;
      }
      double mean = sum / n;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double score = list.get(i).score();
        squares += (score - mean) * (score - mean);
      }
      double std = Math.sqrt(squares / n);
      for (int i = 0; i < n; i++) {
        double score = list.get(i).score();
        values[i] = switch (this) {
          case MIN_MAX -> max == min ? 1.0 : (score - min) / (max - min);
          case Z_SCORE -> std == 0 ? 0.0 : (score - mean) / std;
        };
      }
      return values;
    }
  }

  private static void checkSizes(List<List<Hit>> lists, List<Double> weights) {
    if (lists.size() != weights.size()) {
      throw new IllegalArgumentException("fusion needs one weight per list, but has "
          + weights.size() + " weights for " + lists.size() + " lists");
    }
    for (double weight : weights) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("fusion weights must be finite and >= 0, but one is: "
            + weight);
      }
    }
  }
}
