package dev.ragft.rag.metrics;

import java.util.List;

/**
 * The mean metrics over all evaluated queries, with the per-query values behind them.
 *
 * @param ndcgCutoff the k of nDCG@k
 * @param recallCutoff the k of Recall@k
 * @param mrrCutoff the k of MRR@k
 * @param ndcg mean nDCG@k
 * @param recall mean Recall@k
 * @param mrr mean MRR@k
 * @param perQuery per-query values, in query id order
 */
public record EvalSummary(int ndcgCutoff, int recallCutoff, int mrrCutoff, double ndcg,
    double recall, double mrr, List<QueryMetrics> perQuery) {

  /** Copies the per-query list. */
  public EvalSummary {
    perQuery = List.copyOf(perQuery);
  }

  /** A metric as ragft reports it in JSON: four decimals, as trec_eval prints them. */
  public static double reported(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  /** The number of queries averaged over. */
  public int queries() {
    return perQuery.size();
  }
}
