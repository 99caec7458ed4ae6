package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.quality.Recall;
import dev.ragft.bench.support.RawFusion;
import dev.ragft.bench.support.RawLucene;
import dev.ragft.bench.support.Scifact;
import dev.ragft.bench.support.ScifactData;
import dev.ragft.common.FileTrees;
import dev.ragft.datasets.beir.BeirDataset;
import dev.ragft.datasets.beir.BeirQuery;
import dev.ragft.datasets.beir.Qrel;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.metrics.RankedDoc;
import dev.ragft.rag.metrics.TrecEval;
import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import dev.ragft.rag.pipeline.RetrievalPipeline;
import dev.ragft.rag.rerank.BiEncoderEnsembleReranker;
import dev.ragft.rag.rerank.MmrReranker;
import dev.ragft.rag.rerank.RerankingRetriever;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.ExactDenseRetriever;
import dev.ragft.rag.retrieve.Fusion;
import dev.ragft.rag.retrieve.HybridRetriever;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.Retriever;
import dev.ragft.rag.retrieve.ScoredChunk;
import dev.ragft.rag.retrieve.VectorFeedback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrieval over real text, end to end as a user runs it: SciFact's 5,183 abstracts indexed with
 * bge-small-en-v1.5-q, searched for its test queries through {@link RetrievalPipeline} exactly as
 * configured by a {@link RetrievalConfig}, the real query embedding included in every call (the
 * pipeline sees the embedding cache read-only, so no query is answered from it, while rerankers
 * find the passages' vectors there, as after indexing). {@code lucene} is plain Lucene's least
 * work for the same first stage (embedding included). The setup records recall@10 against the
 * same pipeline with exact dense search, and nDCG@10 against SciFact's judgements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScifactRetrievalBenchmark {

  private static final String ENSEMBLE_MODEL = "all-minilm-l6-v2";
  private static final int K = 10;

  /**
   * First stage: {@code bm25}, {@code dense}, {@code hybrid-rrf}, {@code hybrid-minmax} or
   * {@code hybrid-rrf-feedback} (RRF with vector feedback from the top fused chunk, so the dense
   * list is searched twice).
   */
  @Param({"bm25", "dense", "hybrid-rrf", "hybrid-minmax", "hybrid-rrf-feedback"})
  public String mode;

  /** Second stage: {@code none}, {@code mmr20} or {@code ensemble20} (with all-MiniLM-L6-v2). */
  @Param({"none", "mmr20", "ensemble20"})
  public String rerank;

  private Path cacheCopy;
  private final List<EmbeddingCache> heldCaches = new ArrayList<>();
  private RetrievalConfig config;
  private RetrievalPipeline pipeline;
  private RawLucene raw;
  private List<BeirQuery> queries;
  private int next;

  /** Builds (first time) and opens the index, and writes this configuration's quality. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    Path dataset = Scifact.require();
    Path index = ScifactData.index(dataset);
    config = config(mode, rerank);
    List<String> models = new ArrayList<>(List.of(ScifactData.MODEL));
    if (rerank.startsWith("ensemble")) {
      models.add(ENSEMBLE_MODEL);
    }
    cacheCopy = Files.createTempDirectory("ragft-bench-cache");
    for (String model : models) {
      EmbeddingModelSpec spec = EmbeddingModelSpec.byName(model);
      String file = model + "-" + spec.dimensions() + ".bin";
      Files.copy(ScifactData.cache(dataset, model).resolve(file), cacheCopy.resolve(file));
      // Held open here, the cache is read-only to the pipeline: nothing it embeds is kept.
      heldCaches.add(EmbeddingCache.open(cacheCopy, model, spec.dimensions()));
    }
    pipeline = RetrievalPipeline.open(index, config, cacheCopy);
    raw = RawLucene.open(index);
    BeirDataset beir = BeirDataset.open(dataset);
    queries = beir.queries(Scifact.SPLIT);
    QualityLedger.record(ScifactRetrievalBenchmark.class.getSimpleName(),
        Map.of("mode", mode, "rerank", rerank),
        () -> quality(Qrel.byQuery(beir.qrels(Scifact.SPLIT))));
  }

  /** The retrieval configuration a mode and a rerank parameter name. */
  static RetrievalConfig config(String mode, String rerank) {
    RetrievalMode retrievalMode = RetrievalMode.parse("mode", mode.replaceFirst("-.*", ""));
    FusionConfig fusion = new FusionConfig(mode.endsWith("minmax") ? "minmax" : "rrf", 60,
        List.of(), 100);
    VectorFeedback feedback = mode.endsWith("-feedback")
        ? new VectorFeedback(1, VectorFeedback.DEFAULT_QUERY_WEIGHT) : VectorFeedback.OFF;
    RerankConfig second = switch (rerank) {
      case "none" -> RerankConfig.none();
      case "mmr20" -> new RerankConfig("mmr", 20, 0.5, List.of(), List.of(), null, null);
      case "ensemble20" -> new RerankConfig("ensemble", 20, 0.5, List.of(ENSEMBLE_MODEL),
          List.of(), null, null);
      default -> throw new IllegalArgumentException(
          "rerank must be none, mmr20 or ensemble20, but is: " + rerank);
    };
    return new RetrievalConfig(retrievalMode, List.of(), fusion, DenseRetriever.DEFAULT_CANDIDATES,
        second, feedback);
  }

  /** Closes everything and deletes the cache copy. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    pipeline.close();
    raw.close();
    heldCaches.forEach(EmbeddingCache::close);
    FileTrees.delete(cacheCopy);
  }

  /** The configured pipeline, real query embedding included. */
  @Benchmark
  public List<ScoredChunk> ragft() {
    return pipeline.retriever().retrieve(RetrievalQuery.of(nextQuery()), K);
  }

  /** Plain Lucene's first stage (no reranking), with the same query embedding. */
  @Benchmark
  public List<Document> lucene() {
    String query = nextQuery();
    int depth = config.fusion().depth();
    ScoreDoc[] top = switch (config.mode()) {
      case BM25 -> raw.bm25(query, K).scoreDocs;
      case DENSE -> raw.knn(ScifactData.MODEL, embedder().embedQuery(query),
          config.candidates(), K).scoreDocs;
      case HYBRID -> {
        float[] vector = embedder().embedQuery(query);
        TopDocs bm25 = raw.bm25(query, depth);
        TopDocs dense = raw.knn(ScifactData.MODEL, vector, config.candidates(), depth);
        yield config.fusion().method().equals("rrf")
            ? RawFusion.rrf(bm25, dense, config.fusion().rrfK(), K)
            : RawFusion.minMax(bm25, dense, K);
      }
    };
    return raw.documents(top);
  }

  private String nextQuery() {
    String query = queries.get(next).text();
    next = next + 1 == queries.size() ? 0 : next + 1;
    return query;
  }

  private Embedder embedder() {
    return pipeline.embedders().get(ScifactData.MODEL);
  }

  private Map<String, Object> quality(Map<String, Map<String, Integer>> qrels) {
    Retriever exact = exactVariant();
    List<List<String>> found = new ArrayList<>();
    List<List<String>> truth = new ArrayList<>();
    Map<String, List<RankedDoc>> run = new TreeMap<>();
    for (BeirQuery query : queries) {
      List<ScoredChunk> results = pipeline.retriever().retrieve(RetrievalQuery.of(query.text()), K);
      found.add(results.stream().map(ScoredChunk::id).toList());
      truth.add(exact.retrieve(RetrievalQuery.of(query.text()), K).stream()
          .map(ScoredChunk::id).toList());
      Map<String, Double> best = new LinkedHashMap<>();
      results.forEach(r -> best.merge(r.chunk().docId(), r.score(), Math::max));
      List<RankedDoc> ranked = new ArrayList<>();
      best.forEach((doc, score) -> ranked.add(new RankedDoc(doc, score)));
      run.put(query.id(), ranked);
    }
    Map<String, Object> metrics = new TreeMap<>();
    metrics.put("recall@10", Recall.meanAtK(found, truth, K));
    metrics.put("ndcg@10", TrecEval.BEIR.evaluate(run, qrels).ndcg());
    metrics.put("queries", queries.size());
    return metrics;
  }

  /** The same pipeline with exact dense search, built the way {@link RetrievalPipeline} builds. */
  private Retriever exactVariant() {
    Embedder embedder = embedder();
    List<Retriever> lists = new ArrayList<>();
    if (config.mode() != RetrievalMode.DENSE) {
      lists.add(new Bm25Retriever(pipeline.index()));
    }
    if (config.mode() != RetrievalMode.BM25) {
      // Feedback reads vectors through an HNSW field's retriever; asked for every chunk of the
      // index, that search is exhaustive.
      lists.add(config.feedback().enabled()
          ? new DenseRetriever(pipeline.index(), embedder, pipeline.index().chunkCount())
          : new ExactDenseRetriever(pipeline.index(), embedder));
    }
    Retriever first = lists.size() == 1 ? lists.get(0) : new HybridRetriever(pipeline.index(),
        lists, config.fusion().weights(lists.size()), config.fusion().fusion(),
        config.fusion().depth(), config.feedback());
    return switch (config.rerank().method()) {
      case "mmr" -> new RerankingRetriever(first,
          new MmrReranker(embedder, config.rerank().lambda()), config.rerank().candidates());
      case "ensemble" -> new RerankingRetriever(first, new BiEncoderEnsembleReranker(
          List.of(pipeline.embedders().get(ENSEMBLE_MODEL)), List.of(1.0), 1.0,
          new Fusion.Rrf(60)), config.rerank().candidates());
      default -> first;
    };
  }
}
