package dev.ragft.datasets.beir;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One relevance judgement: how relevant a document is to a query (0 means judged not relevant).
 *
 * @param queryId the query's id
 * @param docId the document's id
 * @param relevance the graded relevance, never negative
 */
public record Qrel(String queryId, String docId, int relevance) {

  /** Validates the components. */
  public Qrel {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(docId, "docId");
    if (queryId.isBlank() || docId.isBlank()) {
      throw new IllegalArgumentException("a judgement needs a non-blank query id and document id");
    }
    if (relevance < 0) {
      throw new IllegalArgumentException("relevance must be >= 0, but is: " + relevance);
    }
  }

  /**
   * Groups judgements by query: query id to document id to relevance, both levels in the order
   * first seen. The maps are unmodifiable.
   */
  public static Map<String, Map<String, Integer>> byQuery(Collection<Qrel> qrels) {
    Map<String, Map<String, Integer>> grouped = new LinkedHashMap<>();
    for (Qrel qrel : qrels) {
      grouped.computeIfAbsent(qrel.queryId(), id -> new LinkedHashMap<>())
          .put(qrel.docId(), qrel.relevance());
    }
    grouped.replaceAll((id, docs) -> Collections.unmodifiableMap(docs));
    return Collections.unmodifiableMap(grouped);
  }
}
