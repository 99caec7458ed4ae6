package dev.ragft.cli;

import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say how to retrieve, shared by the commands that retrieve. */
public final class RetrievalOptions {

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid",
      description = "bm25, dense or hybrid (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--dense-model", paramLabel = "NAME", split = ",",
      description = "Dense models to search (default: every model the index holds).")
  List<String> denseModels;

  @Option(names = "--fusion", paramLabel = "METHOD", defaultValue = "rrf",
      description = "rrf, minmax or zscore (default: ${DEFAULT-VALUE}); raw scores are never added.")
  String fusion;

  @Option(names = "--rrf-k", paramLabel = "K", defaultValue = "60",
      description = "The RRF constant (default: ${DEFAULT-VALUE}).")
  int rrfK;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "Fusion weights: BM25 first (hybrid), then each dense model.")
  List<Double> weights;

  @Option(names = "--fusion-depth", paramLabel = "N", defaultValue = "100",
      description = "Results each list contributes to fusion (default: ${DEFAULT-VALUE}).")
  int fusionDepth;

  @Option(names = "--candidates", paramLabel = "N",
      defaultValue = "" + DenseRetriever.DEFAULT_CANDIDATES,
      description = "HNSW search breadth (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--feedback", paramLabel = "N", defaultValue = "0",
      description = {"Vector pseudo-relevance feedback: the top N fused chunks' vectors move each "
          + "dense query, and the dense lists are searched again (default: ${DEFAULT-VALUE}, off)."})
  int feedbackDocs;

  @Option(names = "--feedback-weight", paramLabel = "W",
      description = "The query vector's share after feedback, 0..1 (default: "
          + VectorFeedback.DEFAULT_QUERY_WEIGHT + ").")
  Double feedbackWeight;

  @Option(names = "--rerank", paramLabel = "METHOD", defaultValue = "none",
      description = "none, mmr, ensemble, onnx or gguf (default: ${DEFAULT-VALUE}).")
  String rerank;

  @Option(names = "--rerank-candidates", paramLabel = "N", defaultValue = "100",
      description = "First-stage results reranked (default: ${DEFAULT-VALUE}).")
  int rerankCandidates;

  @Option(names = "--rerank-model", paramLabel = "NAME|FILE", split = ",",
      description = "ensemble: embedding model names; onnx or gguf: the model file.")
  List<String> rerankModels;

  @Option(names = "--rerank-tokenizer", paramLabel = "FILE",
      description = "onnx: the cross-encoder's tokenizer.json.")
  Path rerankTokenizer;

  @Option(names = "--rerank-weights", paramLabel = "W", split = ",",
      description = "ensemble: the first stage's weight, then each model's.")
  List<Double> rerankWeights;

  @Option(names = "--mmr-lambda", paramLabel = "L", defaultValue = "0.5",
      description = "mmr: relevance against diversity, 0..1 (default: ${DEFAULT-VALUE}).")
  double mmrLambda;

  /** The retrieval configuration. */
  RetrievalConfig toConfig() {
    List<String> rerankNames = rerankModels == null ? List.of() : rerankModels;
    boolean fileModel = rerank.equals("onnx") || rerank.equals("gguf");
    if (fileModel && rerankNames.size() != 1) {
      throw new IllegalArgumentException("--rerank " + rerank + " needs exactly one --rerank-model");
    }
    RerankConfig rerankConfig = new RerankConfig(rerank, rerankCandidates, mmrLambda,
        fileModel ? List.of() : rerankNames,
        rerankWeights == null ? List.of() : rerankWeights,
        fileModel ? Path.of(rerankNames.get(0)) : null, rerankTokenizer);
    return new RetrievalConfig(RetrievalMode.parse("--mode", mode),
        denseModels == null ? List.of() : denseModels,
        new FusionConfig(fusion, rrfK, weights == null ? List.of() : weights, fusionDepth),
        candidates, rerankConfig, VectorFeedback.of(feedbackDocs, feedbackWeight));
  }
}
