package dev.ragft.rag.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes nDCG@k, Recall@k and MRR@k with {@code trec_eval}'s conventions (see the package
 * documentation). Stateless and thread-safe.
 *
 * @param ndcgCutoff the k of nDCG@k (10 in BEIR)
 * @param recallCutoff the k of Recall@k (100 in BEIR)
 * @param mrrCutoff the k of MRR@k (10 in BEIR)
 */
public record TrecEval(int ndcgCutoff, int recallCutoff, int mrrCutoff) {

  /** nDCG@10, Recall@100 and MRR@10, as BEIR reports. */
  public static final TrecEval BEIR = new TrecEval(10, 100, 10);

  /** The order {@code trec_eval} scores a ranking in: score descending, then doc id descending. */
  public static final Comparator<RankedDoc> TREC_ORDER =
      Comparator.comparingDouble(RankedDoc::score).reversed()
          .thenComparing(RankedDoc::docId, Comparator.reverseOrder());

  /** Validates the cutoffs. */
  public TrecEval {
    if (ndcgCutoff <= 0 || recallCutoff <= 0 || mrrCutoff <= 0) {
      throw new IllegalArgumentException("cutoffs must be > 0, but are: ndcg@" + ndcgCutoff
          + ", recall@" + recallCutoff + ", mrr@" + mrrCutoff);
    }
  }

  /**
   * Evaluates a run.
   *
   * @param run each query's ranking (any order; it is re-sorted)
   * @param qrels each query's judged documents and their grades
   * @return the means over the judged queries with at least one relevant document
   */
  public EvalSummary evaluate(Map<String, List<RankedDoc>> run,
      Map<String, Map<String, Integer>> qrels) {
    List<QueryMetrics> perQuery = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> entry : new TreeMap<>(qrels).entrySet()) {
      Map<String, Integer> judged = entry.getValue();
      if (judged.values().stream().noneMatch(grade -> grade > 0)) {
        continue;
      }
      perQuery.add(evaluate(entry.getKey(), run.getOrDefault(entry.getKey(), List.of()), judged));
    }
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    for (QueryMetrics metrics : perQuery) {
      ndcg += metrics.ndcg();
      recall += metrics.recall();
      mrr += metrics.reciprocalRank();
    }
    int n = Math.max(1, perQuery.size());
    return new EvalSummary(ndcgCutoff, recallCutoff, mrrCutoff, ndcg / n, recall / n, mrr / n,
        perQuery);
  }

  /** Evaluates one query's ranking against its judgments. */
  public QueryMetrics evaluate(String queryId, List<RankedDoc> ranking,
      Map<String, Integer> judged) {
    List<RankedDoc> sorted = new ArrayList<>(ranking);
    sorted.sort(TREC_ORDER);
    double dcg = 0;
    int relevantRetrieved = 0;
    double reciprocalRank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int grade = judged.getOrDefault(sorted.get(i).docId(), 0);
      if (grade <= 0) {
        continue;
      }
      int rank = i + 1;
      if (rank <= ndcgCutoff) {
        dcg += grade / log2(rank + 1);
      }
      if (rank <= recallCutoff) {
        relevantRetrieved++;
      }
      if (rank <= mrrCutoff && reciprocalRank == 0) {
        reciprocalRank = 1.0 / rank;
      }
    }
    List<Integer> ideal = judged.values().stream().filter(g -> g > 0)
        .sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(ndcgCutoff, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    double ndcg = idcg == 0 ? 0 : dcg / idcg;
    double recall = ideal.isEmpty() ? 0 : (double) relevantRetrieved / ideal.size();
    return new QueryMetrics(queryId, ndcg, recall, reciprocalRank);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
