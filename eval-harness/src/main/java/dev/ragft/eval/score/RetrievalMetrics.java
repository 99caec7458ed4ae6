package dev.ragft.eval.score;

import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.rag.metrics.QueryMetrics;
import dev.ragft.rag.metrics.RankedDoc;
import dev.ragft.rag.metrics.TrecEval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieval quality for one case against its gold documents, at cutoff k, with binary gains:
 * hit@k, reciprocal rank and nDCG@k, computed by {@link TrecEval} on the documents in the order
 * retrieval first reached them (a document retrieved as several chunks counts once, at its best
 * rank). Gold ids are matched with {@link DocIds}.
 */
public final class RetrievalMetrics {

  private RetrievalMetrics() {
  }

  /**
   * The scores of a ranking.
   *
   * @param caseId the case, for messages
   * @param rankedDocIds the document ids of the retrieved chunks, best first (repeats allowed)
   * @param goldDocIds the case's gold documents; must not be empty
   * @param k the cutoff, at least 1
   */
  public static RetrievalScores score(String caseId, List<String> rankedDocIds,
      List<String> goldDocIds, int k) {
    if (goldDocIds.isEmpty()) {
      throw new IllegalArgumentException("case " + caseId + " has no gold documents to score");
    }
    List<String> documents = new ArrayList<>();
    for (String docId : rankedDocIds) {
      String gold = goldDocIds.stream().filter(id -> DocIds.matches(docId, id)).findFirst()
          .orElse(docId);
      if (!documents.contains(gold)) {
        documents.add(gold);
      }
    }
    List<RankedDoc> ranking = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      ranking.add(new RankedDoc(documents.get(i), documents.size() - i));
    }
    Map<String, Integer> judged = new LinkedHashMap<>();
    for (String gold : goldDocIds) {
      judged.put(gold, 1);
    }
    QueryMetrics metrics = new TrecEval(k, k, k).evaluate(caseId, ranking, judged);
    return new RetrievalScores(k, metrics.recall() > 0 ? 1 : 0, metrics.reciprocalRank(),
        metrics.ndcg());
  }
}
