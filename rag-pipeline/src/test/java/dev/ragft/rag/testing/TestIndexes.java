package dev.ragft.rag.testing;

import dev.ragft.common.InputProblems;
import dev.ragft.common.Progress;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.chunk.DocumentChunker;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.ChunkIndexWriter;
import dev.ragft.rag.index.IndexSettings;
import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.index.Indexer;
import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import dev.ragft.rag.load.Document;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds small real indexes for tests. */
public final class TestIndexes {

  private TestIndexes() {
  }

  /** Settings with the English analyzer and one float HNSW field per embedder. */
  public static IndexSettings settings(List<Embedder> embedders) {
    return settings(embedders, Quantization.NONE);
  }

  /** Settings with the English analyzer and one HNSW field per embedder, stored as given. */
  public static IndexSettings settings(List<Embedder> embedders, Quantization quantization) {
    return IndexSettings.of("english", IndexSettings.DEFAULT_K1, IndexSettings.DEFAULT_B,
        embedders.stream().map(e -> new VectorFieldSettings(e.spec().name(),
            e.spec().dimensions(), VectorFieldSettings.DEFAULT_MAX_CONNECTIONS,
            VectorFieldSettings.DEFAULT_BEAM_WIDTH, quantization)).toList(),
        ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build().toString());
  }

  /** Indexes the documents (one chunk each) into {@code directory} and commits. */
  public static IndexStats build(Path directory, List<Document> documents, List<Embedder> embedders,
      boolean sync) {
    return build(directory, documents, embedders, sync, Quantization.NONE);
  }

  /** Indexes the documents (one chunk each) with vectors stored as given, and commits. */
  public static IndexStats build(Path directory, List<Document> documents, List<Embedder> embedders,
      boolean sync, Quantization quantization) {
    Map<String, Embedder> byName = new java.util.LinkedHashMap<>();
    embedders.forEach(e -> byName.put(e.spec().name(), e));
    try (ChunkIndexWriter writer = ChunkIndexWriter.open(directory,
        settings(embedders, quantization), false)) {
      return new Indexer(writer, new DocumentChunker(), byName, 5, 8)
          .index(documents.iterator(), sync, InputProblems.collecting(), Progress.silent("test"),
              stats -> { });
    }
  }
}
