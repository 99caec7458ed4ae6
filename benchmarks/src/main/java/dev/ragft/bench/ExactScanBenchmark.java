package dev.ragft.bench;

import dev.ragft.bench.synthetic.FlatVectors;
import dev.ragft.bench.synthetic.SyntheticCorpus;
import dev.ragft.bench.synthetic.SyntheticEmbedder;
import dev.ragft.bench.synthetic.SyntheticFixture;
import dev.ragft.bench.synthetic.SyntheticQuery;
import dev.ragft.rag.retrieve.ExactDenseRetriever;
import dev.ragft.rag.retrieve.Filter;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Exact dense search, the baseline HNSW is measured against. {@code flatScan} scans every vector
 * held in arrays on the heap (one pass over all vector bytes: the memory-bandwidth floor of any
 * exact search; it needs no index, so it also runs where an HNSW index is too costly to build);
 * {@code ragftExact} is {@link ExactDenseRetriever}, ragft's brute-force reference, scanning the
 * float vectors of the {@code m16-none} index. Both are exact: recall 1.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExactScanBenchmark {

  /** The corpus's vectors on the heap. */
  @State(Scope.Benchmark)
  public static class Flat {

    /** Chunks in the corpus. */
    @Param({"10000", "100000"})
    public int chunks;

    FlatVectors vectors;
    List<SyntheticQuery> queries;
    int next;

    /** Generates the vectors and queries. */
    @Setup(Level.Trial)
    public void generate() {
      SyntheticCorpus corpus = SyntheticCorpus.of(chunks);
      vectors = FlatVectors.of(corpus);
      queries = corpus.queries(SyntheticFixture.QUERIES);
    }

    SyntheticQuery nextQuery() {
      SyntheticQuery query = queries.get(next);
      next = next + 1 == queries.size() ? 0 : next + 1;
      return query;
    }
  }

  /** The corpus's float HNSW index and ragft's exact retriever over it. */
  @State(Scope.Benchmark)
  public static class Indexed {

    /** Chunks in the corpus. */
    @Param({"10000", "100000"})
    public int chunks;

    SyntheticFixture fixture;
    ExactDenseRetriever exact;

    /** Opens (building on first use) the index. */
    @Setup(Level.Trial)
    public void open() {
      fixture = SyntheticFixture.open(chunks, "m16-none");
      exact = new ExactDenseRetriever(fixture.index(), new SyntheticEmbedder(
          fixture.corpus().dimensions(), List.of(), null, List.of()));
    }

    /** Closes the index. */
    @TearDown(Level.Trial)
    public void close() {
      fixture.close();
    }
  }

  /** A scan of every vector on the heap. */
  @Benchmark
  public int[] flatScan(Flat flat) {
    return flat.vectors.topK(flat.nextQuery().vector(), SyntheticFixture.K);
  }

  /** ragft's exact retriever over the index. */
  @Benchmark
  public List<ScoredChunk> ragftExact(Indexed indexed) {
    return indexed.exact.retrieve(indexed.fixture.next().vector(), Filter.NONE,
        SyntheticFixture.K);
  }
}
