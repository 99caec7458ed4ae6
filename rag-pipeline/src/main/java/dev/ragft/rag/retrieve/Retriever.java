package dev.ragft.rag.retrieve;

import java.util.List;

/**
 * Finds the chunks that best answer a query.
 *
 * <p>Contract for every implementation: at most {@code k} chunks, every one passing the query's
 * filter, in {@link ScoredChunk#ORDER} (score descending, ties broken by chunk id ascending), the
 * same result for the same query on the same index commit; an empty query or one with no match
 * gives an empty list, never null. Implementations are thread-safe.
 */
public interface Retriever {

  /** The top {@code k} chunks for the query; {@code k} must be at least 1. */
  List<ScoredChunk> retrieve(RetrievalQuery query, int k);

  /**
   * The ids and scores of {@link #retrieve retrieve(query, k)}, in the same order. Fusion needs
   * only these, so implementations that can find them without reading the chunks' stored fields
   * (the index-backed ones) override this; the default retrieves the chunks and drops them.
   */
  default List<Hit> hits(RetrievalQuery query, int k) {
    return retrieve(query, k).stream().map(ScoredChunk::hit).toList();
  }

  /** A short name for reports, such as {@code bm25} or {@code hybrid(rrf)}. */
  String name();

  /** Fails unless {@code k} is at least 1. */
  static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
  }
}
