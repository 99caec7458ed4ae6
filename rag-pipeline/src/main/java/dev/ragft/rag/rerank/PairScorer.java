package dev.ragft.rag.rerank;

import java.util.List;

/**
 * Scores how well each passage answers a query by reading the two together (a cross-encoder).
 * Returns one score per passage, in passage order, higher meaning more relevant. Thread-safe.
 */
public interface PairScorer extends AutoCloseable {

  /** One relevance score per passage. */
  float[] score(String query, List<String> passages);

  /** A short name for reports. */
  String name();

  /** Releases native resources; the default does nothing. */
  @Override
  default void close() {
  }
}
