package dev.ragft.rag.retrieve;

import java.util.Objects;

/**
 * A query: its text and the filter results must pass.
 *
 * @param text the query text as the user wrote it (model prefixes are added by the retriever)
 * @param filter restricts the chunks that may be returned
 */
public record RetrievalQuery(String text, Filter filter) {

  /** Validates the components. */
  public RetrievalQuery {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(filter, "filter");
  }

  /** A query with no filter. */
  public static RetrievalQuery of(String text) {
    return new RetrievalQuery(text, Filter.NONE);
  }
}
