package dev.ragft.rag.beir;

import dev.ragft.rag.index.IndexStats;
import dev.ragft.rag.metrics.EvalSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a retrieval evaluation.
 *
 * @param retriever the retriever's name
 * @param summary the metrics, with per-query values
 * @param indexing what bringing the index up to date did
 * @param tuning the fusion weights chosen on another split, or null when they were given
 */
public record BeirEvalResult(String retriever, EvalSummary summary, IndexStats indexing,
    TunedWeights tuning) {

  /** The headline numbers, with the keys {@code ragft retrieval-eval --json} prints. */
  public Map<String, Object> headline() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ndcg@" + summary.ndcgCutoff(), EvalSummary.reported(summary.ndcg()));
    out.put("recall@" + summary.recallCutoff(), EvalSummary.reported(summary.recall()));
    out.put("mrr@" + summary.mrrCutoff(), EvalSummary.reported(summary.mrr()));
    out.put("queries", summary.queries());
    out.put("retriever", retriever);
    if (tuning != null) {
      out.put("weights", tuning.weights());
      Map<String, Object> tuned = new LinkedHashMap<>();
      tuned.put("split", tuning.split());
      tuned.put("queries", tuning.queries());
      tuned.put("step", tuning.step());
      tuned.put("candidates", tuning.candidates());
      tuned.put("ndcg@" + summary.ndcgCutoff(), EvalSummary.reported(tuning.ndcg()));
      out.put("tuning", tuned);
    }
    return out;
  }
}
