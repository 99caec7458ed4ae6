package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.quality.Recall;
import dev.ragft.bench.synthetic.SyntheticFixture;
import dev.ragft.bench.synthetic.SyntheticQuery;
import dev.ragft.rag.index.Fields;
import dev.ragft.rag.retrieve.Bm25Retriever;
import dev.ragft.rag.retrieve.Hit;
import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
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
 * BM25 latency over synthetic Zipfian text. {@code ragft} is {@link Bm25Retriever} (query
 * analysis, score order with ties broken by chunk id, chunks read back); {@code lucene} is plain
 * Lucene ({@code QueryBuilder}'s boolean query, top 10 by score, stored fields read);
 * {@code luceneTieBreak} is plain Lucene sorting like ragft does (score, then the chunk id's doc
 * values), which separates the cost of deterministic tie-breaking from ragft's other layers. The
 * setup records ragft's agreement with plain Lucene's top 10 (BM25 itself is exact: its recall
 * against exact search is 1 by construction).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class Bm25SearchBenchmark {

  private static final Sort SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
      new SortField(Fields.CHUNK_ID, SortField.Type.STRING));

  /** Chunks in the corpus. */
  @Param({"10000", "100000"})
  public int chunks;

  /**
   * How many hits each query asks for: 10 for a final answer, 100 for the list a hybrid query
   * fuses (run with {@code -p depth=100}).
   */
  @Param({"10"})
  public int depth;

  private SyntheticFixture fixture;
  private Bm25Retriever bm25;

  /** Opens (building on first use) the text-only index and writes the agreement row. */
  @Setup(Level.Trial)
  public void open() {
    fixture = SyntheticFixture.open(chunks, null);
    bm25 = new Bm25Retriever(fixture.index());
    QualityLedger.record(Bm25SearchBenchmark.class.getSimpleName(),
        Map.of("chunks", "" + chunks, "depth", "" + depth), () -> Map.of(
        "recall@10", 1.0, "agreement@10", agreement(),
        "queries", SyntheticFixture.RECALL_QUERIES));
  }

  /** Closes the index. */
  @TearDown(Level.Trial)
  public void close() {
    fixture.close();
  }

  /** ragft's BM25 retrieval. */
  @Benchmark
  public List<ScoredChunk> ragft() {
    return ragft(fixture.next());
  }

  /** Plain Lucene: the top 10 by score and their stored fields. */
  @Benchmark
  public List<Document> lucene() {
    return lucene(fixture.next());
  }

  /** ragft's ids and scores only, no chunk read: what the BM25 list of a hybrid query costs. */
  @Benchmark
  public List<Hit> ragftHits() {
    return bm25.hits(RetrievalQuery.of(fixture.next().text()), depth);
  }

  /** Plain Lucene's top hits by score only, no stored fields read. */
  @Benchmark
  public TopDocs luceneHits() {
    return fixture.raw().bm25(fixture.next().text(), depth);
  }

  /** Plain Lucene sorted by score, then chunk id, as ragft sorts. */
  @Benchmark
  public List<Document> luceneTieBreak() {
    return luceneTieBreak(fixture.next());
  }

  List<ScoredChunk> ragft(SyntheticQuery query) {
    return bm25.retrieve(RetrievalQuery.of(query.text()), depth);
  }

  List<Document> lucene(SyntheticQuery query) {
    TopDocs top = fixture.raw().bm25(query.text(), depth);
    return fixture.raw().documents(top.scoreDocs);
  }

  List<Document> luceneTieBreak(SyntheticQuery text) {
    Query query = fixture.raw().bm25Query(text.text());
    try {
      ScoreDoc[] hits = fixture.raw().searcher()
          .search(query, depth, SCORE_THEN_ID, true).scoreDocs;
      return fixture.raw().documents(hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SyntheticFixture fixture() {
    return fixture;
  }

  /** The mean overlap of ragft's and plain Lucene's top 10 over the recall queries. */
  double agreement() {
    List<List<String>> ragft = new ArrayList<>();
    List<List<String>> lucene = new ArrayList<>();
    for (SyntheticQuery query : fixture.recallQueries()) {
      ragft.add(ragft(query).stream().map(ScoredChunk::id).toList());
      lucene.add(lucene(query).stream().map(doc -> doc.get(Fields.CHUNK_ID)).toList());
    }
    return Recall.meanAtK(ragft, lucene, depth);
  }
}
