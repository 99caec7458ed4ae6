package dev.ragft.rag.metrics;

import java.util.Objects;

/**
 * The metrics of one query.
 *
 * @param queryId the query
 * @param ndcg nDCG at the evaluation's nDCG cutoff
 * @param recall recall at the evaluation's recall cutoff
 * @param reciprocalRank reciprocal rank of the first relevant document within the MRR cutoff
 */
public record QueryMetrics(String queryId, double ndcg, double recall, double reciprocalRank) {

  /** Validates the components. */
  public QueryMetrics {
    Objects.requireNonNull(queryId, "queryId");
  }
}
