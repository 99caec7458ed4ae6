package dev.ragft.rag.retrieve;

import dev.ragft.rag.chunk.Chunk;
import java.util.Comparator;
import java.util.Objects;

/**
 * A retrieved chunk and its score under the retriever that found it.
 *
 * @param chunk the chunk
 * @param score the score, higher better; only comparable within one result list
 */
public record ScoredChunk(Chunk chunk, double score) {

  /** Score descending, then chunk id ascending. */
  public static final Comparator<ScoredChunk> ORDER =
      Comparator.comparingDouble(ScoredChunk::score).reversed()
          .thenComparing(scored -> scored.chunk().id());

  /** Validates the components. */
  public ScoredChunk {
    Objects.requireNonNull(chunk, "chunk");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of " + chunk.id() + " must be a number, but is NaN");
    }
  }

  /** The chunk's id. */
  public String id() {
    return chunk.id();
  }

  /** This chunk as a fusion input. */
  public Hit hit() {
    return new Hit(chunk.id(), score);
  }
}
