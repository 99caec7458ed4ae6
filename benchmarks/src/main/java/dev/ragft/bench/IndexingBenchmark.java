package dev.ragft.bench;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.bench.support.Scifact;
import dev.ragft.common.FileTrees;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.chunk.Chunker;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.Chunkers;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.OnnxEmbedder;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.load.CorpusLoader;
import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.LoadConfig;
import dev.ragft.rag.pipeline.IndexBuild;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import dev.ragft.rag.token.HfTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Indexing throughput, end to end, against its floor. Each operation indexes the first
 * {@code docs} SciFact documents with ragft's defaults (the recursive 256-token chunker, the
 * default model, float HNSW M=16), reading them from a {@code corpus.jsonl} file as {@code ragft
 * index} does: {@code firstIndexing} into an empty index with an empty embedding cache (load, chunk,
 * embed, index, commit: the model is opened too, as every run opens it); {@code embeddingFloor}
 * only embeds the same chunk texts with an already open model (the floor: indexing cannot be
 * faster than embedding); {@code modelOpen} opens and closes the model (the fixed cost of a run);
 * {@code reindexUnchanged} runs again over an index already holding every document (everything is
 * skipped); {@code rebuildFromCache} rebuilds an empty index with the embedding cache warm (every
 * vector is read back). The setup records the number of chunks, to turn times into chunks per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR_API, Jvm.NATIVE_ACCESS, Jvm.HEAP, Jvm.HEAP_START})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IndexingBenchmark {

  /** The number of SciFact documents indexed. */
  @Param({"300"})
  public int docs;

  private Path work;
  private Path input;
  private Path warmIndex;
  private Path warmCache;
  private Path freshIndex;
  private Path freshCache;
  private int invocation;
  private OnnxEmbedder model;
  private List<String> chunkTexts;

  /** Writes the input file, opens the floor's model and indexes once to warm an index and cache. */
  @Setup(Level.Trial)
  public void prepare() throws IOException {
    Path dataset = Scifact.require();
    work = Files.createTempDirectory("ragft-bench-indexing");
    input = work.resolve("input");
    Files.createDirectories(input);
    try (BufferedReader lines = Files.newBufferedReader(dataset.resolve("corpus.jsonl"),
        StandardCharsets.UTF_8)) {
      List<String> first = lines.lines().filter(line -> !line.isBlank()).limit(docs).toList();
      if (first.size() < docs) {
        throw new IllegalStateException("SciFact has " + first.size() + " documents, fewer than "
            + docs);
      }
      Files.write(input.resolve("corpus.jsonl"), first, StandardCharsets.UTF_8);
    }
    chunkTexts = chunkTexts();
    model = OnnxEmbedder.open(EmbeddingModelSpec.byName(IndexBuildConfig.DEFAULT_MODEL));
    warmIndex = work.resolve("warm-index");
    warmCache = work.resolve("warm-cache");
    IndexStats warm = index(warmIndex, warmCache, false);
    QualityLedger.record(IndexingBenchmark.class.getSimpleName(),
        Map.of("docs", "" + docs), () -> Map.of(
        "chunks", warm.chunks(), "documents", warm.documents()));
  }

  /** Fresh folders for the operations that start from an empty index or cache. */
  @Setup(Level.Invocation)
  public void freshFolders() throws IOException {
    if (freshIndex != null) {
      FileTrees.delete(freshIndex);
      FileTrees.delete(freshCache);
    }
    invocation++;
    freshIndex = work.resolve("index-" + invocation);
    freshCache = work.resolve("cache-" + invocation);
  }

  /** Closes the model and deletes every folder. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    model.close();
    FileTrees.delete(work);
  }

  /** Load, chunk, embed and index into an empty index with an empty cache. */
  @Benchmark
  public IndexStats firstIndexing() {
    return expect(index(freshIndex, freshCache, false), docs, 0);
  }

  /** The embedding of the same chunk texts alone, the model already open. */
  @Benchmark
  public float[][] embeddingFloor() {
    return model.embed(chunkTexts);
  }

  /** Opening and closing the model, which every indexing run does once. */
  @Benchmark
  public String modelOpen() {
    try (OnnxEmbedder opened = OnnxEmbedder.open(
        EmbeddingModelSpec.byName(IndexBuildConfig.DEFAULT_MODEL))) {
      return opened.spec().name();
    }
  }

  /** A run over an index that already holds every document unchanged. */
  @Benchmark
  public IndexStats reindexUnchanged() {
    return expect(index(warmIndex, warmCache, false), 0, docs);
  }

  /** A rebuild into an empty index, every vector in the embedding cache. */
  @Benchmark
  public IndexStats rebuildFromCache() {
    return expect(index(freshIndex, warmCache, true), docs, 0);
  }

  private IndexStats index(Path index, Path cache, boolean rebuild) {
    IndexBuildConfig config = IndexBuildConfig.defaults(index).withEmbeddingCache(cache);
    if (rebuild) {
      config = new IndexBuildConfig(index, config.analyzer(), config.k1(), config.b(),
          config.models(), config.hnswM(), config.beamWidth(), config.quantization(),
          config.chunker(), cache, config.commitEvery(), config.embedBatch(), true, false);
    }
    try (Stream<Document> documents = new CorpusLoader(LoadConfig.of(input),
        InputProblems.collecting()).stream()) {
      return IndexBuild.run(config, documents.iterator(), InputProblems.collecting(),
          Progress.silent("indexing"), stats -> { });
    }
  }

  private IndexStats expect(IndexStats stats, long indexed, long unchanged) {
    if (stats.indexed() != indexed || stats.unchanged() != unchanged) {
      throw new IllegalStateException("expected " + indexed + " documents indexed and "
          + unchanged + " unchanged, but the run did: " + stats.summary());
    }
    return stats;
  }

  private List<String> chunkTexts() {
    ChunkerConfig chunking = ChunkerConfig.defaults();
    EmbeddingModelSpec spec = EmbeddingModelSpec.byName(IndexBuildConfig.DEFAULT_MODEL);
    List<String> texts = new ArrayList<>();
    try (HfTokenizer tokenizer = HfTokenizer.forModel(chunking.tokenizer());
        Stream<Document> documents = new CorpusLoader(LoadConfig.of(input),
            InputProblems.collecting()).stream()) {
      Chunker chunker = Chunkers.create(chunking, tokenizer);
      documents.forEach(document -> {
        for (Chunk chunk : chunker.chunk(document)) {
          texts.add(spec.passagePrefix() + ChunkText.forEmbedding(chunk));
        }
      });
    }
    return texts;
  }
}
