package dev.ragft.rag.metrics;

import java.util.Objects;

/**
 * One document in a query's ranking.
 *
 * @param docId the document id as judged in the qrels
 * @param score the retrieval score; higher is better
 */
public record RankedDoc(String docId, double score) {

  /** Validates the components. */
  public RankedDoc {
    Objects.requireNonNull(docId, "docId");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of " + docId + " must be a number, but is NaN");
    }
  }
}
