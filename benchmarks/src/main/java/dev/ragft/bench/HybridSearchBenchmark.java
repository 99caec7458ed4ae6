package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.quality.Recall;
import dev.ragft.bench.support.BenchDirs;
import dev.ragft.bench.support.RawFusion;
import dev.ragft.bench.support.Scifact;
import dev.ragft.bench.synthetic.SyntheticEmbedder;
import dev.ragft.bench.synthetic.SyntheticFixture;
import dev.ragft.bench.synthetic.SyntheticIndexes;
import dev.ragft.bench.synthetic.SyntheticQuery;
import dev.ragft.rag.embed.CachingEmbedder;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.pipeline.FusionConfig;
import dev.ragft.rag.pipeline.RerankConfig;
import dev.ragft.rag.rerank.MmrReranker;
import dev.ragft.rag.rerank.RerankingRetriever;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.ExactDenseRetriever;
import dev.ragft.rag.retrieve.HybridRetriever;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.Retriever;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Hybrid retrieval latency over a synthetic corpus (the float M=16 index), as ragft's defaults
 * build it: BM25 and dense (search breadth 100), each list 100 deep, fused by reciprocal rank or
 * by min-max normalized scores, optionally reranked by MMR over the top 20 or 100. With
 * {@code embedding} naming a real model, every query also pays that model's embedding of a real
 * SciFact query (see {@link SyntheticEmbedder}); rerankers read passage vectors from an embedding
 * cache, as they do after indexing. {@code lucene} is the least a plain Lucene application does for
 * the same answer: the same embedding, both searches, a hand-written fusion over document ids, and
 * stored fields for the final 10 only (no reranking). The setup records recall@10 against the same
 * pipeline with exact dense search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class HybridSearchBenchmark {

  private static final Pattern RERANK = Pattern.compile("none|mmr(\\d+)");
  private static final String GRAPH = "m16-none";

  /** Chunks in the corpus. */
  @Param({"10000", "100000"})
  public int chunks;

  /** The fusion: {@code rrf} or {@code minmax}. */
  @Param({"rrf", "minmax"})
  public String fusion;

  /** The second stage: {@code none}, or {@code mmrN} for MMR over the top N. */
  @Param({"none", "mmr20", "mmr100"})
  public String rerank;

  /** The model whose query-embedding cost every query pays, or {@code none}. */
  @Param({"none", "bge-small-en-v1.5-q"})
  public String embedding;

  private SyntheticFixture fixture;
  private Embedder costModel;
  private EmbeddingCache cache;
  private SyntheticEmbedder queryEmbedder;
  private FusionConfig fusionConfig;
  private Retriever retriever;

  /** Opens the index, the models and the cache, and writes this configuration's recall. */
  @Setup(Level.Trial)
  public void open() {
    fixture = SyntheticFixture.open(chunks, GRAPH);
    fusionConfig = new FusionConfig(fusion, 60, List.of(), 100);
    costModel = embedding.equals("none") ? null
        : OnnxEmbedder.open(EmbeddingModelSpec.byName(embedding));
    queryEmbedder = new SyntheticEmbedder(fixture.corpus().dimensions(), fixture.queries(),
        costModel, Scifact.queryTexts());
    int rerankDepth = rerankDepth(rerank);
    if (rerankDepth > 0) {
      cache = EmbeddingCache.open(SyntheticIndexes.ensureCache(BenchDirs.data(), fixture.corpus()),
          SyntheticEmbedder.MODEL, fixture.corpus().dimensions());
    }
    retriever = pipeline(new DenseRetriever(fixture.index(), queryEmbedder, 100), rerankDepth);
    QualityLedger.record(HybridSearchBenchmark.class.getSimpleName(),
        Map.of("chunks", "" + chunks,
        "fusion", fusion, "rerank", rerank), () -> Map.of(
        "recall@10", recall(rerankDepth), "queries", SyntheticFixture.RECALL_QUERIES));
  }

  private Retriever pipeline(Retriever dense, int rerankDepth) {
    Retriever hybrid = new HybridRetriever(fixture.index(),
        List.of(new Bm25Retriever(fixture.index()), dense),
        fusionConfig.weights(2), fusionConfig.fusion(), fusionConfig.depth());
    return rerankDepth == 0 ? hybrid : new RerankingRetriever(hybrid, new MmrReranker(
        new CachingEmbedder(queryEmbedder, cache), RerankConfig.none().lambda()), rerankDepth);
  }

  /** The reranking depth a parameter names, 0 for none. */
  static int rerankDepth(String rerank) {
    Matcher matcher = RERANK.matcher(rerank);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("rerank must be none or mmrN (MMR over the top N), "
          + "but is: " + rerank);
    }
    return matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
  }

  /** Closes everything the setup opened. */
  @TearDown(Level.Trial)
  public void close() {
    if (cache != null) {
      cache.close();
    }
    if (costModel != null) {
      costModel.close();
    }
    fixture.close();
  }

  /** ragft's hybrid retrieval, query embedding included when configured. */
  @Benchmark
  public List<ScoredChunk> ragft() {
    return ragft(fixture.next());
  }

  /** The same embedding, searches and fusion in plain Lucene, without reranking. */
  @Benchmark
  public List<Document> lucene() {
    return fixture.raw().documents(luceneHits(fixture.next()));
  }

  List<ScoredChunk> ragft(SyntheticQuery query) {
    return retriever.retrieve(RetrievalQuery.of(query.text()), SyntheticFixture.K);
  }

  ScoreDoc[] luceneHits(SyntheticQuery query) {
    float[] vector = queryEmbedder.embedQuery(query.text());
    TopDocs bm25 = fixture.raw().bm25(query.text(), fusionConfig.depth());
    TopDocs dense = fixture.raw().knn(SyntheticEmbedder.MODEL, vector, 100, fusionConfig.depth());
    return fusion.equals("rrf")
        ? RawFusion.rrf(bm25, dense, fusionConfig.rrfK(), SyntheticFixture.K)
        : RawFusion.minMax(bm25, dense, SyntheticFixture.K);
  }

  SyntheticFixture fixture() {
    return fixture;
  }

  private double recall(int rerankDepth) {
    SyntheticEmbedder free = new SyntheticEmbedder(fixture.corpus().dimensions(),
        fixture.queries(), null, List.of());
    Retriever approximate = pipeline(new DenseRetriever(fixture.index(), free, 100), rerankDepth);
    Retriever exact = pipeline(new ExactDenseRetriever(fixture.index(), free), rerankDepth);
    List<List<String>> found = new ArrayList<>();
    List<List<String>> truth = new ArrayList<>();
    for (SyntheticQuery query : fixture.recallQueries()) {
      RetrievalQuery text = RetrievalQuery.of(query.text());
      found.add(approximate.retrieve(text, SyntheticFixture.K).stream()
          .map(ScoredChunk::id).toList());
      truth.add(exact.retrieve(text, SyntheticFixture.K).stream().map(ScoredChunk::id).toList());
    }
    return Recall.meanAtK(found, truth, SyntheticFixture.K);
  }
}
