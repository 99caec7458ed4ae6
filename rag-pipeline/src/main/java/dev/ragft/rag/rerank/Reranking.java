package dev.ragft.rag.rerank;

import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by rerankers. */
final class Reranking {

  private Reranking() {
  }

  /** The top {@code k} of the list in {@link ScoredChunk#ORDER}. */
  static List<ScoredChunk> top(List<ScoredChunk> scored, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
    List<ScoredChunk> sorted = new ArrayList<>(scored);
    sorted.sort(ScoredChunk.ORDER);
    return List.copyOf(sorted.subList(0, Math.min(k, sorted.size())));
  }
}
