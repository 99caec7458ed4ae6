package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.support.Scifact;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import java.util.List;
import java.util.Map;
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
 * The cost of embedding one query with a real model (query prefix included), over SciFact's test
 * queries in turn: the part of dense and hybrid latency that no index setting changes. ragft
 * runs the model with one ONNX Runtime thread per processor; one thread is measured too, since
 * for one short input the hand-off between threads can cost more than it saves. The setup records
 * the mean number of tokens per query the model sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryEmbeddingBenchmark {

  /** The embedding model. */
  @Param({"bge-small-en-v1.5-q"})
  public String model;

  /** ONNX Runtime's intra-op threads (ragft uses one per processor). */
  @Param({"1", "2"})
  public int threads;

  private OnnxEmbedder embedder;
  private List<String> queries;
  private int next;

  /** Opens the model and reads the queries. */
  @Setup(Level.Trial)
  public void open() {
    Scifact.require();
    queries = Scifact.queryTexts();
    embedder = OnnxEmbedder.open(EmbeddingModelSpec.byName(model),
        OnnxEmbedder.DEFAULT_BATCH_SIZE, threads);
    QualityLedger.record(QueryEmbeddingBenchmark.class.getSimpleName(),
        Map.of("model", model), () -> Map.of(
        "tokens/query", queries.stream().mapToInt(q -> embedder.tokenCount(
            embedder.spec().queryPrefix() + q)).average().orElse(0),
        "queries", queries.size()));
  }

  /** Closes the model. */
  @TearDown(Level.Trial)
  public void close() {
    embedder.close();
  }

  /** One query embedded. */
  @Benchmark
  public float[] embedQuery() {
    String query = queries.get(next);
    next = next + 1 == queries.size() ? 0 : next + 1;
    return embedder.embedQuery(query);
  }
}
