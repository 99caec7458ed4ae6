package dev.ragft.rag.retrieve;

import java.util.ArrayList;
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
      checkSizes(lists, weights);
      Map<String, Double> fused = new HashMap<>();
      for (int i = 0; i < lists.size(); i++) {
        List<Hit> list = lists.get(i);
        double weight = weights.get(i);
        for (int rank = 0; rank < list.size(); rank++) {
          fused.merge(list.get(rank).id(), weight / (k + rank + 1.0), Double::sum);
        }
      }
      return sorted(fused);
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
      checkSizes(lists, weights);
      List<Map<String, Double>> normalized = new ArrayList<>();
      double[] floor = new double[lists.size()];
      Map<String, Double> fused = new HashMap<>();
      for (int i = 0; i < lists.size(); i++) {
        Map<String, Double> scores = normalization.apply(lists.get(i));
        normalized.add(scores);
        floor[i] = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        scores.keySet().forEach(id -> fused.put(id, 0.0));
      }
      for (Map.Entry<String, Double> entry : fused.entrySet()) {
        double sum = 0;
        for (int i = 0; i < lists.size(); i++) {
          sum += weights.get(i) * normalized.get(i).getOrDefault(entry.getKey(), floor[i]);
        }
        entry.setValue(sum);
      }
      return sorted(fused);
    }
  }

  /** How {@link WeightedSum} puts each list's scores on one scale. */
  enum Normalization {
    /** {@code (s - min) / (max - min)}; a list whose scores are all equal maps to 1. */
    MIN_MAX,
    /** {@code (s - mean) / stddev}; a list whose scores are all equal maps to 0. */
    Z_SCORE;

    /** The normalized score of every id in the list. */
    public Map<String, Double> apply(List<Hit> list) {
      Map<String, Double> out = new HashMap<>();
      if (list.isEmpty()) {
        return out;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (Hit hit : list) {
        min = Math.min(min, hit.score());
        max = Math.max(max, hit.score());
        sum += hit.score();
      }
      double mean = sum / list.size();
      double squares = 0;
      for (Hit hit : list) {
        squares += (hit.score() - mean) * (hit.score() - mean);
      }
      double std = Math.sqrt(squares / list.size());
      for (Hit hit : list) {
        double value = switch (this) {
          case MIN_MAX -> max == min ? 1.0 : (hit.score() - min) / (max - min);
          case Z_SCORE -> std == 0 ? 0.0 : (hit.score() - mean) / std;
        };
        out.merge(hit.id(), value, Math::max);
      }
      return out;
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

  private static List<Hit> sorted(Map<String, Double> fused) {
    List<Hit> hits = new ArrayList<>(fused.size());
    fused.forEach((id, score) -> hits.add(new Hit(id, score)));
    hits.sort(Hit.ORDER);
    return hits;
  }
}
