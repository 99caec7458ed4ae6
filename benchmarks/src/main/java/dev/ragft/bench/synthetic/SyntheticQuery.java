package dev.ragft.bench.synthetic;

import java.util.Objects;

/**
 * A synthetic query: its text, for BM25, and the vector a model would have given it, for dense
 * search.
 *
 * @param text the query text
 * @param vector the unit query vector; copied here, while the accessor hands out the copy held
 *     without copying again (benchmarks read it on the hot path), so callers must not modify it
 */
public record SyntheticQuery(String text, float[] vector) {

  /** Validates the components. */
  public SyntheticQuery {
    Objects.requireNonNull(text, "text");
    vector = Objects.requireNonNull(vector, "vector").clone();
  }
}
