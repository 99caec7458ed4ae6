package dev.ragft.rag.pipeline;

import dev.ragft.rag.retrieve.Fusion;
import java.util.List;
import java.util.Objects;

/**
 * How hybrid (or multi-model dense) retrieval fuses its lists.
 *
 * @param method {@code rrf}, {@code minmax} or {@code zscore}
 * @param rrfK the RRF constant
 * @param weights one weight per list, BM25 first (when it takes part) and then the dense models in
 *     order; empty means all 1
 * @param depth how many results each list contributes
 */
public record FusionConfig(String method, int rrfK, List<Double> weights, int depth) {

  /** Validates the components. */
  public FusionConfig {
    Objects.requireNonNull(method, "method");
    if (!List.of("rrf", "minmax", "zscore").contains(method)) {
      throw new IllegalArgumentException(
          "fusion must be one of rrf, minmax, zscore, but is: " + method);
    }
    weights = List.copyOf(weights);
    if (depth < 1) {
      throw new IllegalArgumentException("fusion depth must be >= 1, but is: " + depth);
    }
    fusion(method, rrfK);
  }

  /** RRF with k = 60, equal weights, depth 100. */
  public static FusionConfig defaults() {
    return new FusionConfig("rrf", Fusion.Rrf.DEFAULT_K, List.of(), 100);
  }

  /** The fusion this configuration describes. */
  public Fusion fusion() {
    return fusion(method, rrfK);
  }

  /** The weights of {@code lists} lists: the configured ones, or all 1. */
  public List<Double> weights(int lists) {
    if (weights.isEmpty()) {
      return java.util.Collections.nCopies(lists, 1.0);
    }
    if (weights.size() != lists) {
      throw new IllegalArgumentException("fusion weights must have one value per list (" + lists
          + ": BM25 first when it takes part, then each dense model), but has " + weights.size());
    }
    return weights;
  }

  private static Fusion fusion(String method, int rrfK) {
    return switch (method) {
      case "rrf" -> new Fusion.Rrf(rrfK);
      case "minmax" -> new Fusion.WeightedSum(Fusion.Normalization.MIN_MAX);
      default -> new Fusion.WeightedSum(Fusion.Normalization.Z_SCORE);
    };
  }
}
