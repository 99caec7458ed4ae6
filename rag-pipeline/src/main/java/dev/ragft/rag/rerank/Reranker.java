package dev.ragft.rag.rerank;

import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.List;

/**
 * Reorders candidate chunks for a query.
 *
 * <p>Contract for every implementation: returns at most {@code k} of the given candidates (never
 * others), each once, with the reranker's own scores, in {@link ScoredChunk#ORDER}; the same
 * input gives the same output. Thread-safe.
 */
public interface Reranker {

  /** The best {@code k} candidates for {@code query}, rescored. */
  List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int k);

  /** A short name for reports. */
  String name();
}
