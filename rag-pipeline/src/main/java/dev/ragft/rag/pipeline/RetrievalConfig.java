package dev.ragft.rag.pipeline;

import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.util.List;
import java.util.Objects;

/**
 * How to retrieve from an index: the mode, the dense models taking part, fusion, search breadth,
 * vector feedback and reranking. The one place retrieval defaults live.
 *
 * @param mode bm25, dense or hybrid
 * @param models the dense models (empty: every model the index holds)
 * @param fusion how lists are fused
 * @param candidates the HNSW search breadth
 * @param rerank the optional second stage
 * @param feedback pseudo-relevance feedback for the dense lists, or {@link VectorFeedback#OFF}
 */
public record RetrievalConfig(RetrievalMode mode, List<String> models, FusionConfig fusion,
    int candidates, RerankConfig rerank, VectorFeedback feedback) {

  /** Validates the components. */
  public RetrievalConfig {
    Objects.requireNonNull(mode, "mode");
    models = List.copyOf(models);
    Objects.requireNonNull(fusion, "fusion");
    Objects.requireNonNull(rerank, "rerank");
    Objects.requireNonNull(feedback, "feedback");
    if (feedback.enabled() && mode == RetrievalMode.BM25) {
      throw new IllegalArgumentException("vector feedback searches dense lists again, but mode "
          + "bm25 has none; use hybrid or dense");
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("search breadth must be >= 1, but is: " + candidates);
    }
  }

  /** A configuration without vector feedback. */
  public RetrievalConfig(RetrievalMode mode, List<String> models, FusionConfig fusion,
      int candidates, RerankConfig rerank) {
    this(mode, models, fusion, candidates, rerank, VectorFeedback.OFF);
  }

  /** Hybrid retrieval over every model of the index, RRF, no reranking. */
  public static RetrievalConfig defaults() {
    return new RetrievalConfig(RetrievalMode.HYBRID, List.of(), FusionConfig.defaults(),
        DenseRetriever.DEFAULT_CANDIDATES, RerankConfig.none());
  }

  /** A copy in another mode. */
  public RetrievalConfig withMode(RetrievalMode newMode) {
    return new RetrievalConfig(newMode, models, fusion, candidates, rerank, feedback);
  }
}
