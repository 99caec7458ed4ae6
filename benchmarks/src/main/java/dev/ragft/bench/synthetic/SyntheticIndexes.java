package dev.ragft.bench.synthetic;

import dev.ragft.bench.support.BuiltOnce;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.index.ChunkIndexWriter;
import dev.ragft.rag.index.IndexSettings;
import dev.ragft.rag.index.VectorFieldSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds the indexes of synthetic corpora once and reuses them ({@link BuiltOnce}): each lives in
 * a folder named by everything it holds (corpus size, seed, generator version and the HNSW
 * settings). Builds go through ragft's own {@link ChunkIndexWriter}, so the index is exactly what
 * ragft writes, with a large indexing buffer: a 100k-chunk index is written as one segment and
 * needs no merge. A corpus larger than {@value #PARALLEL_FROM} chunks is written by one thread per
 * processor (Lucene builds each thread's HNSW graph on that thread), which divides the hours a
 * 1M-chunk graph takes on one core; such an index holds a few segments, as a large index that
 * grew over time does.
 */
public final class SyntheticIndexes {

  /** The indexing buffer of bulk builds, in MB (the forks' heap must hold it). */
  public static final double BULK_RAM_BUFFER_MB = 1536;

  /** The corpus size from which bulk builds index on every processor. */
  public static final int PARALLEL_FROM = 500_000;

  private SyntheticIndexes() {
  }

  /**
   * The folder of the corpus's index, built first if absent.
   *
   * @param base the folder holding every benchmark index
   * @param corpus the corpus
   * @param field the vector field, or null for a text-only (BM25) index
   */
  public static Path ensure(Path base, SyntheticCorpus corpus, VectorFieldSettings field) {
    Path index = base.resolve(corpus.key() + "-" + describe(field));
    if (BuiltOnce.done(index)) {
      return index;
    }
    IndexSettings settings = IndexSettings.of("english", IndexSettings.DEFAULT_K1,
        IndexSettings.DEFAULT_B, field == null ? List.of() : List.of(field),
        "synthetic: one chunk per document");
    return BuiltOnce.folder(index, building -> {
      SyntheticCorpus.VectorSource model = corpus.vectors();
      long start = System.nanoTime();
      int threads = corpus.chunks() >= PARALLEL_FROM
          ? Runtime.getRuntime().availableProcessors() : 1;
      try (ChunkIndexWriter writer = ChunkIndexWriter.open(building, settings, true,
              BULK_RAM_BUFFER_MB);
          Progress progress = Progress.onStderr("building " + index.getFileName(),
              corpus.chunks(), "chunks", "chunks")) {
        IntStream.range(0, threads).parallel().forEach(thread -> {
          for (int i = thread; i < corpus.chunks(); i += threads) {
            Chunk chunk = corpus.chunk(i);
            Map<String, float[][]> vectors = field == null ? Map.of()
                : Map.of(field.model(), new float[][] {corpus.vector(model, i)});
            writer.replace(chunk.docId(), "synthetic", List.of(chunk), vectors);
            progress.advance(1);
          }
        });
        writer.commit();
      }
      return String.format(Locale.ROOT, "chunks=%d%nthreads=%d%nseconds=%.1f%n", corpus.chunks(),
          threads, (System.nanoTime() - start) / 1e9);
    });
  }

  /**
   * The folder of an embedding cache holding the vector of every chunk of the corpus under the
   * synthetic model, built first if absent: what a real index's cache holds after indexing, for
   * rerankers that read passage vectors back.
   */
  public static Path ensureCache(Path base, SyntheticCorpus corpus) {
    Path cache = base.resolve(corpus.key() + "-embeddings");
    if (BuiltOnce.done(cache)) {
      return cache;
    }
    return BuiltOnce.folder(cache, building -> {
      SyntheticCorpus.VectorSource model = corpus.vectors();
      try (EmbeddingCache writing = EmbeddingCache.open(building, SyntheticEmbedder.MODEL,
              corpus.dimensions());
          Progress progress = Progress.onStderr("caching " + cache.getFileName(),
              corpus.chunks(), "vectors", "vectors")) {
        for (int i = 0; i < corpus.chunks(); i++) {
          writing.put(corpus.text(i), corpus.vector(model, i));
          progress.advance(1);
        }
      }
      return "vectors=" + corpus.chunks() + "\n";
    });
  }

  /** A short name of the vector settings: {@code text} for none, else M, beam and storage. */
  public static String describe(VectorFieldSettings field) {
    return field == null ? "text" : "m" + field.maxConnections() + "-b" + field.beamWidth() + "-"
        + field.quantization().name().toLowerCase(Locale.ROOT);
  }
}
