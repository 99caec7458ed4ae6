package dev.ragft.eval.config;

import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.util.List;
import java.util.Objects;

/**
 * A retrieval context: which index, how to retrieve from it, how many chunks to take and the
 * token budget of the context they become. Defaults (applied here): hybrid retrieval over every
 * model the index holds, RRF with equal weights, no vector feedback, no reranking, k 5, a budget
 * of 1,024 tokens.
 *
 * @param index the index folder
 * @param build when set, the index is built from the run's corpus (or brought up to date) first
 * @param mode bm25, dense or hybrid
 * @param models the dense models to search (empty: every model of the index)
 * @param k the chunks retrieved
 * @param budget the most tokens the assembled context may hold
 * @param rerank none, mmr (the others need model files and are configured with ragft search)
 * @param rerankCandidates the first-stage results reranked
 * @param mmrLambda MMR's relevance weight
 * @param fusion rrf, minmax or zscore
 * @param rrfK the RRF constant
 * @param weights fusion weights, BM25 first (hybrid), then each dense model (empty: all 1)
 * @param feedback how many top fused chunks move the dense queries (0: no vector feedback)
 * @param feedbackWeight the query vector's share after feedback (null: the default; only with
 *     feedback)
 */
public record RetrievalSpec(String index, IndexSpec build, String mode, List<String> models,
    Integer k, Integer budget, String rerank, Integer rerankCandidates, Double mmrLambda,
    String fusion, Integer rrfK, List<Double> weights, Integer feedback, Double feedbackWeight) {

  /** The chunks retrieved when k is not given. */
  public static final int DEFAULT_K = 5;
  /** The context budget when none is given. */
  public static final int DEFAULT_BUDGET = 1024;

  /** Applies the defaults and validates. */
  public RetrievalSpec {
    Objects.requireNonNull(index, "index");
    mode = mode == null ? "hybrid" : mode;
    RetrievalMode.parse("mode", mode);
    models = models == null ? List.of() : List.copyOf(models);
    k = k == null ? DEFAULT_K : k;
    budget = budget == null ? DEFAULT_BUDGET : budget;
    rerank = rerank == null ? "none" : rerank;
    if (!rerank.equals("none") && !rerank.equals("mmr")) {
      throw new IllegalArgumentException("rerank must be none or mmr, but is: " + rerank);
    }
    rerankCandidates = rerankCandidates == null ? 100 : rerankCandidates;
    mmrLambda = mmrLambda == null ? 0.5 : mmrLambda;
    fusion = fusion == null ? "rrf" : fusion;
    rrfK = rrfK == null ? 60 : rrfK;
    weights = weights == null ? List.of() : List.copyOf(weights);
    feedback = feedback == null ? 0 : feedback;
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, but is: " + budget);
    }
    retrievalConfig(mode, models, rerank, rerankCandidates, mmrLambda, fusion, rrfK, weights,
        VectorFeedback.of(feedback, feedbackWeight));
  }

  /** A spec with the given settings and the defaults for fusion weights and feedback. */
  public RetrievalSpec(String index, IndexSpec build, String mode, List<String> models,
      Integer k, Integer budget, String rerank, Integer rerankCandidates, Double mmrLambda,
      String fusion, Integer rrfK) {
    this(index, build, mode, models, k, budget, rerank, rerankCandidates, mmrLambda, fusion, rrfK,
        null, null, null);
  }

  /** The retrieval pipeline's configuration. */
  public RetrievalConfig retrievalConfig() {
    return retrievalConfig(mode, models, rerank, rerankCandidates, mmrLambda, fusion, rrfK,
        weights, VectorFeedback.of(feedback, feedbackWeight));
  }

  private static RetrievalConfig retrievalConfig(String mode, List<String> models, String rerank,
      int rerankCandidates, double mmrLambda, String fusion, int rrfK, List<Double> weights,
      VectorFeedback feedback) {
    return new RetrievalConfig(RetrievalMode.parse("mode", mode), models,
        new FusionConfig(fusion, rrfK, weights, 100), DenseRetriever.DEFAULT_CANDIDATES,
        new RerankConfig(rerank, rerankCandidates, mmrLambda, List.of(), List.of(), null, null),
        feedback);
  }

  /** A copy whose index folder is {@code resolved}. */
  public RetrievalSpec withIndex(String resolved) {
    return new RetrievalSpec(resolved, build, mode, models, k, budget, rerank, rerankCandidates,
        mmrLambda, fusion, rrfK, weights, feedback, feedbackWeight);
  }

  /** One line for reports: the index folder's name and the settings. */
  public String describe() {
    String folder = java.nio.file.Path.of(index).getFileName().toString();
    return "retrieval " + mode + " k=" + k + " budget=" + budget
        + (weights.isEmpty() ? "" : " weights=" + weights.stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",")))
        + (feedback == 0 ? "" : " feedback=" + feedback + "@"
            + VectorFeedback.of(feedback, feedbackWeight).queryWeight())
        + (rerank.equals("none") ? "" : " rerank=" + rerank) + " index=" + folder;
  }
}
