package dev.ragft.rag.index;

import java.util.Objects;

/**
 * One HNSW vector field of an index: which embedding model fills it and how its graph is built.
 *
 * @param model the embedding model name (see {@code EmbeddingModelSpec})
 * @param dimensions the vector length
 * @param maxConnections HNSW M: neighbours per node (Lucene's default is 16)
 * @param beamWidth HNSW construction beam width (Lucene's default is 100)
 * @param quantization how vectors are stored
 */
public record VectorFieldSettings(String model, int dimensions, int maxConnections, int beamWidth,
    Quantization quantization) {

  /** Lucene's default M. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;
  /** Lucene's default construction beam width. */
  public static final int DEFAULT_BEAM_WIDTH = 100;

  /** Validates the components. */
  public VectorFieldSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(quantization, "quantization");
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be > 0, but is: " + dimensions);
    }
    if (maxConnections < 2 || maxConnections > 512) {
      throw new IllegalArgumentException(
          "HNSW M must be between 2 and 512, but is: " + maxConnections);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException(
          "HNSW beam width must be between 1 and 3200, but is: " + beamWidth);
    }
  }

  /** A field with Lucene's default graph settings and float vectors. */
  public static VectorFieldSettings of(String model, int dimensions) {
    return new VectorFieldSettings(model, dimensions, DEFAULT_MAX_CONNECTIONS, DEFAULT_BEAM_WIDTH,
        Quantization.NONE);
  }
}
