package dev.ragft.rag.beir;

import dev.ragft.common.InputProblems;
import dev.ragft.common.RagftException;
import dev.ragft.common.OnError;
import dev.ragft.common.Progress;
import dev.ragft.datasets.beir.BeirDataset;
import dev.ragft.datasets.beir.BeirDocument;
import dev.ragft.datasets.beir.BeirQuery;
import dev.ragft.datasets.beir.Qrel;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.metrics.EvalSummary;
import dev.ragft.rag.metrics.RankedDoc;
import dev.ragft.rag.metrics.TrecEval;
import dev.ragft.rag.metrics.TrecRunWriter;
import dev.ragft.rag.load.DocumentFormat;
import dev.ragft.rag.load.SourceFile;
import dev.ragft.rag.pipeline.CorpusSize;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.RetrievalPipeline;
import dev.ragft.rag.retrieve.Hit;
import dev.ragft.rag.retrieve.HybridRetriever;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.Retriever;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs a {@link BeirEvalConfig}: brings the corpus index up to date (unchanged documents are
 * skipped, and their vectors come from the embedding cache), retrieves for every judged query,
 * keeps each document's best chunk, and scores the run. With a {@link WeightTuning}, the fusion
 * weights are first chosen on another split.
 */
public final class BeirEvaluation {

  private BeirEvaluation() {
  }

  /**
   * Runs the evaluation.
   *
   * @param config what to evaluate
   * @param problems where bad input in the dataset is reported
   * @param progress makes the progress line of a task ({@code indexing}, {@code tuning lists},
   *     {@code tuning weights}, {@code retrieval})
   * @return the metrics
   */
  public static BeirEvalResult run(BeirEvalConfig config, InputProblems problems,
      ProgressFactory progress) {
    BeirDataset dataset = BeirDataset.open(config.dataset(), OnError.SKIP, problems);
    IndexStats indexing;
    try (Stream<BeirDocument> corpus = dataset.corpus();
        Progress bar = progress.create("indexing", CorpusSize.estimate(List.of(new SourceFile(
            config.dataset().resolve("corpus.jsonl"), "corpus.jsonl", DocumentFormat.BEIR))),
            "docs", "chunks")) {
      indexing = IndexBuild.run(config.index(),
          corpus.map(BeirEvaluation::document).iterator(), problems, bar, stats -> { });
    }
    List<BeirQuery> queries = dataset.queries(config.split());
    Map<String, Map<String, Integer>> qrels = Qrel.byQuery(dataset.qrels(config.split()));
    Map<String, List<RankedDoc>> run = new TreeMap<>();
    String name;
    boolean wholeDocuments = config.index().chunker().type() == ChunkerType.DOCUMENT;
    int chunkDepth = wholeDocuments ? config.depth() : config.depth() * 4;
    TunedWeights tuned = null;
    try (RetrievalPipeline pipeline = RetrievalPipeline.open(config.index().index(),
        config.retrieval(), config.index().embeddingCache())) {
      Retriever retriever = pipeline.retriever();
      if (config.tuning() != null) {
        HybridRetriever hybrid = fused(retriever);
        tuned = new FusionWeightTuner(hybrid, chunkDepth, config.depth()).tune(config.tuning(),
            dataset.queries(config.tuning().split()),
            Qrel.byQuery(dataset.qrels(config.tuning().split())), progress);
        retriever = hybrid.withWeights(tuned.weights());
      }
      name = retriever.name();
      try (Progress bar = progress.create("retrieval", queries.size(), "queries", "queries")) {
        for (BeirQuery query : queries) {
          List<ScoredChunk> chunks = retriever.retrieve(RetrievalQuery.of(query.text()),
              chunkDepth);
          run.put(query.id(), bestChunkPerDocument(
              chunks.stream().map(ScoredChunk::hit).toList(), config.depth()));
          bar.advance(1);
        }
      }
    }
    EvalSummary summary = TrecEval.BEIR.evaluate(run, qrels);
    if (config.runFile() != null) {
      TrecRunWriter.write(config.runFile(), run, config.tag());
    }
    return new BeirEvalResult(name, summary, indexing, tuned);
  }

  /** The retriever as one whose fusion weights can be tuned, or a one-sentence error. */
  private static HybridRetriever fused(Retriever retriever) {
    if (retriever instanceof HybridRetriever hybrid) {
      return hybrid;
    }
    throw new RagftException("weight tuning needs two or more lists to fuse (hybrid mode, or "
        + "dense mode with several models) and no reranking, but the retriever is "
        + retriever.name());
  }

  /** Makes progress lines; lets callers choose between the console and silence. */
  @FunctionalInterface
  public interface ProgressFactory {
    /** A progress line for a task; see {@link Progress}'s constructor for the arguments. */
    Progress create(String task, long total, String unit, String rateUnit);

    /** Progress lines on standard error. */
    static ProgressFactory console() {
      return Progress::onStderr;
    }

    /** No progress lines. */
    static ProgressFactory silent() {
      return (task, total, unit, rateUnit) -> Progress.silent(task);
    }
  }

  static Document document(BeirDocument beir) {
    return Document.of(beir.id(), "corpus.jsonl", "v1", beir.title(), beir.text(), Map.of());
  }

  /** The best-scored chunk of each document, as the document, the top {@code depth}. */
  static List<RankedDoc> bestChunkPerDocument(List<Hit> chunks, int depth) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (Hit chunk : chunks) {
      best.merge(Chunk.docIdOf(chunk.id()), chunk.score(), Math::max);
    }
    List<RankedDoc> ranked = new ArrayList<>(best.size());
    best.forEach((doc, score) -> ranked.add(new RankedDoc(doc, score)));
    ranked.sort(java.util.Comparator.comparingDouble(RankedDoc::score).reversed()
        .thenComparing(RankedDoc::docId));
    return List.copyOf(ranked.subList(0, Math.min(depth, ranked.size())));
  }
}
