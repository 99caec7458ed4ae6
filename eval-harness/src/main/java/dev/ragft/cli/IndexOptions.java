package dev.ragft.cli;

import dev.ragft.common.CacheDirs;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.index.IndexSettings;
import dev.ragft.rag.index.Indexer;
import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say how an index is built, shared by the commands that build one. */
public final class IndexOptions {

  @Option(names = "--analyzer", paramLabel = "NAME", defaultValue = "english",
      description = "BM25 analyzer: english, standard, whitespace (default: ${DEFAULT-VALUE}).")
  String analyzer;

  @Option(names = "--k1", defaultValue = "" + IndexSettings.DEFAULT_K1,
      description = "BM25 k1 (default: ${DEFAULT-VALUE}).")
  float k1;

  @Option(names = "--b", defaultValue = "" + IndexSettings.DEFAULT_B,
      description = "BM25 b (default: ${DEFAULT-VALUE}).")
  float b;

  @Option(names = "--model", paramLabel = "NAME", split = ",",
      description = "Embedding model(s) whose vectors the index holds: bge-small-en-v1.5-q "
          + "(default), bge-small-en-v1.5, all-minilm-l6-v2, e5-small-v2. Repeat or separate "
          + "with commas.")
  List<String> models;

  @Option(names = "--no-vectors", description = "Build a BM25-only index (no embedding model).")
  boolean noVectors;

  @Option(names = "--hnsw-m", paramLabel = "M",
      defaultValue = "" + VectorFieldSettings.DEFAULT_MAX_CONNECTIONS,
      description = "HNSW neighbours per node (default: ${DEFAULT-VALUE}).")
  int hnswM;

  @Option(names = "--beam-width", paramLabel = "N",
      defaultValue = "" + VectorFieldSettings.DEFAULT_BEAM_WIDTH,
      description = "HNSW construction beam width (default: ${DEFAULT-VALUE}).")
  int beamWidth;

  @Option(names = "--quantization", paramLabel = "KIND", defaultValue = "none",
      description = "Vector storage: none, int8, int7, int4 (default: ${DEFAULT-VALUE}).")
  String quantization;

  @Option(names = "--chunker", paramLabel = "KIND",
      description = "Chunker: recursive (default), fixed, markdown, sentence-window, document.")
  String chunker;

  @Option(names = "--chunk-size", paramLabel = "TOKENS", description = "Tokens per chunk.")
  Integer chunkSize;

  @Option(names = "--chunk-overlap", paramLabel = "TOKENS",
      description = "Tokens shared by neighbouring fixed chunks.")
  Integer chunkOverlap;

  @Option(names = "--sentence-window", paramLabel = "N",
      description = "Sentences on each side of a sentence-window chunk.")
  Integer sentenceWindow;

  @Option(names = "--no-embedding-cache",
      description = "Do not read or write the embedding cache.")
  boolean noEmbeddingCache;

  @Option(names = "--rebuild", description = "Start from an empty index.")
  boolean rebuild;

  @Option(names = "--commit-every", paramLabel = "DOCS",
      defaultValue = "" + Indexer.DEFAULT_COMMIT_EVERY,
      description = "Documents between commits (default: ${DEFAULT-VALUE}).")
  int commitEvery;

  /** The build configuration for an index at {@code index}. */
  IndexBuildConfig toConfig(Path index, ChunkerType defaultChunker, boolean sync) {
    if (noVectors && models != null && !models.isEmpty()) {
      throw new IllegalArgumentException("--no-vectors and --model cannot be used together");
    }
    List<String> chosen = noVectors ? List.of()
        : models == null || models.isEmpty() ? List.of(IndexBuildConfig.DEFAULT_MODEL) : models;
    ChunkerConfig.Builder chunking = ChunkerConfig.builder().type(chunker == null
        ? defaultChunker : ChunkerType.parse("--chunker", chunker));
    if (chunkSize != null) {
      chunking.size(chunkSize);
    }
    if (chunkOverlap != null) {
      chunking.overlap(chunkOverlap);
    }
    if (sentenceWindow != null) {
      chunking.window(sentenceWindow);
    }
    return new IndexBuildConfig(index, analyzer, k1, b, chosen, hnswM, beamWidth,
        parseQuantization(quantization), chunking.build(),
        noEmbeddingCache ? null : CacheDirs.embeddings(), commitEvery,
        Indexer.DEFAULT_EMBED_BATCH, rebuild, sync);
  }

  private static Quantization parseQuantization(String value) {
    for (Quantization q : Quantization.values()) {
      if (q.name().equalsIgnoreCase(value)) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "--quantization must be one of none, int8, int7, int4, but is: " + value);
  }
}
