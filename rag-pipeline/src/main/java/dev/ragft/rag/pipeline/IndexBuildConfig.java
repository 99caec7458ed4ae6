package dev.ragft.rag.pipeline;

import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.index.IndexSettings;
import dev.ragft.rag.index.Indexer;
import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to build or update an index.
 *
 * @param index the index folder
 * @param analyzer the BM25 analyzer
 * @param k1 BM25 k1
 * @param b BM25 b
 * @param models the embedding models whose vectors the index holds (empty: BM25 only)
 * @param hnswM HNSW M of every vector field
 * @param beamWidth HNSW construction beam width
 * @param quantization how vectors are stored
 * @param chunker how documents become chunks
 * @param embeddingCache the embedding cache folder, or null for none
 * @param commitEvery documents between commits
 * @param embedBatch chunks per embedding call
 * @param rebuild start from an empty index
 * @param sync delete documents the input no longer has
 */
public record IndexBuildConfig(Path index, String analyzer, float k1, float b, List<String> models,
    int hnswM, int beamWidth, Quantization quantization, ChunkerConfig chunker,
    Path embeddingCache, int commitEvery, int embedBatch, boolean rebuild, boolean sync) {

  /** The default embedding model. */
  public static final String DEFAULT_MODEL = EmbeddingModelSpec.BGE_SMALL_EN_V15_Q.name();

  /** Validates the components. */
  public IndexBuildConfig {
    Objects.requireNonNull(index, "index");
    models = List.copyOf(models);
    Objects.requireNonNull(quantization, "quantization");
    Objects.requireNonNull(chunker, "chunker");
    settings(analyzer, k1, b, models, hnswM, beamWidth, quantization, chunker);
  }

  /** The defaults: English analyzer, k1 0.9, b 0.4, the default model, default chunking. */
  public static IndexBuildConfig defaults(Path index) {
    return new IndexBuildConfig(index, "english", IndexSettings.DEFAULT_K1,
        IndexSettings.DEFAULT_B, List.of(DEFAULT_MODEL), VectorFieldSettings.DEFAULT_MAX_CONNECTIONS,
        VectorFieldSettings.DEFAULT_BEAM_WIDTH, Quantization.NONE, ChunkerConfig.defaults(),
        null, Indexer.DEFAULT_COMMIT_EVERY, Indexer.DEFAULT_EMBED_BATCH, false, false);
  }

  /** The index settings this configuration writes. */
  public IndexSettings settings() {
    return settings(analyzer, k1, b, models, hnswM, beamWidth, quantization, chunker);
  }

  private static IndexSettings settings(String analyzer, float k1, float b, List<String> models,
      int hnswM, int beamWidth, Quantization quantization, ChunkerConfig chunker) {
    List<VectorFieldSettings> vectors = models.stream()
        .map(name -> new VectorFieldSettings(name, EmbeddingModelSpec.byName(name).dimensions(),
            hnswM, beamWidth, quantization))
        .toList();
    return IndexSettings.of(analyzer, k1, b, vectors, chunker.toString());
  }

  /** A copy with other models. */
  public IndexBuildConfig withModels(List<String> newModels) {
    return new IndexBuildConfig(index, analyzer, k1, b, newModels, hnswM, beamWidth, quantization,
        chunker, embeddingCache, commitEvery, embedBatch, rebuild, sync);
  }

  /** A copy with another chunker. */
  public IndexBuildConfig withChunker(ChunkerConfig newChunker) {
    return new IndexBuildConfig(index, analyzer, k1, b, models, hnswM, beamWidth, quantization,
        newChunker, embeddingCache, commitEvery, embedBatch, rebuild, sync);
  }

  /** A copy that commits every {@code documents} documents. */
  public IndexBuildConfig withCommitEvery(int documents) {
    return new IndexBuildConfig(index, analyzer, k1, b, models, hnswM, beamWidth, quantization,
        chunker, embeddingCache, documents, embedBatch, rebuild, sync);
  }

  /** A copy with an embedding cache folder (null for none). */
  public IndexBuildConfig withEmbeddingCache(Path cache) {
    return new IndexBuildConfig(index, analyzer, k1, b, models, hnswM, beamWidth, quantization,
        chunker, cache, commitEvery, embedBatch, rebuild, sync);
  }
}
