package dev.ragft.rag.beir;

import java.util.List;
import java.util.Objects;

/**
 * The fusion weights a {@link WeightTuning} chose, with the evidence for them.
 *
 * @param split the split they were chosen on
 * @param queries how many judged queries that split has
 * @param step the grid step
 * @param candidates how many weightings were scored
 * @param weights the chosen weights, one per fused list in the retriever's order
 * @param ndcg their mean nDCG@10 on {@code split}
 */
public record TunedWeights(String split, int queries, double step, int candidates,
    List<Double> weights, double ndcg) {

  /** Validates the components and copies the weights. */
  public TunedWeights {
    Objects.requireNonNull(split, "split");
    weights = List.copyOf(weights);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("tuned weights must not be empty");
    }
  }
}
