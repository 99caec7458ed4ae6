package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.quality.Recall;
import dev.ragft.bench.synthetic.SyntheticEmbedder;
import dev.ragft.bench.synthetic.SyntheticFixture;
import dev.ragft.bench.synthetic.SyntheticQuery;
import dev.ragft.rag.retrieve.DenseRetriever;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
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
 * Dense (HNSW) search latency over synthetic vectors, already embedded, swept over corpus size,
 * graph settings (M and float or scalar-quantized storage) and search breadth. {@code ragft} is
 * {@link DenseRetriever}; {@code lucene} is the same search in plain Lucene (a
 * {@code KnnFloatVectorQuery} for as many neighbours, the top 10 kept, their stored fields read).
 * Each configuration's recall@10 against exact search is written once, untimed, by the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DenseSearchBenchmark {

  /** Chunks in the corpus. */
  @Param({"10000", "100000"})
  public int chunks;

  /** HNSW M and vector storage. */
  @Param({"m16-none", "m32-none", "m16-int8", "m16-int7", "m16-int4"})
  public String graph;

  /** HNSW search breadth: neighbours searched for before the top 10 are kept. */
  @Param({"10", "50", "100", "200"})
  public int candidates;

  private SyntheticFixture fixture;
  private DenseRetriever dense;

  /** Opens (building on first use) the index and writes this configuration's recall. */
  @Setup(Level.Trial)
  public void open() {
    fixture = SyntheticFixture.open(chunks, graph);
    dense = new DenseRetriever(fixture.index(), new SyntheticEmbedder(
        fixture.corpus().dimensions(), List.of(), null, List.of()), candidates);
    QualityLedger.record(DenseSearchBenchmark.class.getSimpleName(),
        Map.of("chunks", "" + chunks,
        "graph", graph, "candidates", "" + candidates), () -> Map.of(
        "recall@10", recall(), "queries", SyntheticFixture.RECALL_QUERIES));
  }

  /** Closes the index. */
  @TearDown(Level.Trial)
  public void close() {
    fixture.close();
  }

  /** ragft's dense retrieval of an embedded query. */
  @Benchmark
  public List<ScoredChunk> ragft() {
    return ragft(fixture.next());
  }

  /** The same search in plain Lucene. */
  @Benchmark
  public List<Document> lucene() {
    return lucene(fixture.next());
  }

  List<ScoredChunk> ragft(SyntheticQuery query) {
    return dense.retrieve(query.vector(), Filter.NONE, SyntheticFixture.K);
  }

  List<Document> lucene(SyntheticQuery query) {
    TopDocs top = fixture.raw().knn(SyntheticEmbedder.MODEL, query.vector(),
        Math.max(SyntheticFixture.K, candidates), SyntheticFixture.K);
    return fixture.raw().documents(top.scoreDocs);
  }

  SyntheticFixture fixture() {
    return fixture;
  }

  /** ragft's recall@10 against exact search over the recall queries. */
  double recall() {
    List<List<String>> found = new ArrayList<>();
    for (SyntheticQuery query : fixture.recallQueries()) {
      found.add(ragft(query).stream().map(ScoredChunk::id).toList());
    }
    return Recall.meanAtK(found, fixture.exactTop(), SyntheticFixture.K);
  }
}
