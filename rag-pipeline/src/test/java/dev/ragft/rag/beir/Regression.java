package dev.ragft.rag.beir;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ragft.common.Json;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.index.IndexSettings;
import dev.ragft.rag.index.Indexer;
import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An Anserini-style regression file: a dataset, a tolerance, and runs with their expected metrics
 * and the published numbers they are set beside.
 *
 * @param dataset the dataset folder name under the shared datasets folder
 * @param split the judged split
 * @param tolerance how far a metric may drift from its expected value
 * @param runs the runs
 */
record Regression(String dataset, String split, double tolerance, List<Run> runs) {

  /** Reads a regression file from the test class path. */
  static Regression read(String resource) throws IOException {
    try (InputStream in = Regression.class.getResourceAsStream(resource)) {
      return Json.yaml().readValue(in, Regression.class);
    }
  }

  /**
   * One run.
   *
   * @param name the run's name
   * @param description what it is
   * @param models the embedding models the index holds (empty: BM25 only)
   * @param mode bm25, dense or hybrid
   * @param fusion rrf, minmax or zscore
   * @param weights fusion weights (empty: all 1)
   * @param rerank the reranking method, or none
   * @param rerankModels the ensemble's models
   * @param rerankWeights the ensemble's weights, first stage first
   * @param rerankCandidates how many results are reranked
   * @param tuneWeights the split the fusion weights are chosen on (a 0.1 grid), or null to use
   *     {@code weights}
   * @param expectedWeights the weights the tuning must choose
   * @param feedback how many top fused chunks feed back into the dense queries (null: none)
   * @param feedbackWeight the query's share after feedback (null: the default)
   * @param expected the metrics this run must reproduce within the tolerance
   * @param published the published numbers it is compared with, for the record
   */
  record Run(String name, String description, List<String> models, String mode, String fusion,
      List<Double> weights, String rerank, @JsonProperty("rerank_models") List<String> rerankModels,
      @JsonProperty("rerank_weights") List<Double> rerankWeights,
      @JsonProperty("rerank_candidates") Integer rerankCandidates,
      @JsonProperty("tune_weights") String tuneWeights,
      @JsonProperty("expected_weights") List<Double> expectedWeights,
      Integer feedback, @JsonProperty("feedback_weight") Double feedbackWeight,
      Map<String, Double> expected, Map<String, String> published) {

    WeightTuning tuning() {
      return tuneWeights == null ? null : new WeightTuning(tuneWeights, WeightTuning.DEFAULT_STEP);
    }

    IndexBuildConfig index(Path indexDir, Path cache) {
      return new IndexBuildConfig(indexDir, "english", IndexSettings.DEFAULT_K1,
          IndexSettings.DEFAULT_B, models == null ? List.of() : models,
          VectorFieldSettings.DEFAULT_MAX_CONNECTIONS, VectorFieldSettings.DEFAULT_BEAM_WIDTH,
          Quantization.NONE, ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build(), cache,
          Indexer.DEFAULT_COMMIT_EVERY, Indexer.DEFAULT_EMBED_BATCH, false, false);
    }

    RetrievalConfig retrieval() {
      RerankConfig rerankConfig = rerank == null || rerank.equals("none") ? RerankConfig.none()
          : new RerankConfig(rerank, rerankCandidates == null ? 100 : rerankCandidates, 0.5,
              rerankModels == null ? List.of() : rerankModels,
              rerankWeights == null ? List.of() : rerankWeights, null, null);
      return new RetrievalConfig(RetrievalMode.parse("mode", mode), List.of(),
          new FusionConfig(fusion == null ? "rrf" : fusion, 60,
              weights == null ? List.of() : weights, 100),
          100, rerankConfig, VectorFeedback.of(feedback == null ? 0 : feedback, feedbackWeight));
    }
  }
}
