package dev.ragft.rag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecEvalTest {

  private static final TrecEval EVAL = new TrecEval(3, 3, 3);

  @Test
  void ndcg_recall_and_mrr_match_hand_computed_values() {
    Map<String, Integer> judged = Map.of("d1", 2, "d3", 1, "d9", 1);
    List<RankedDoc> ranking = List.of(
        new RankedDoc("d2", 0.9), new RankedDoc("d1", 0.8), new RankedDoc("d3", 0.7),
        new RankedDoc("d9", 0.1));
    QueryMetrics metrics = EVAL.evaluate("q", ranking, judged);
    double dcg = 2 / log2(3) + 1 / log2(4);
    double idcg = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertThat(metrics.ndcg()).isCloseTo(dcg / idcg, within(1e-12));
    assertThat(metrics.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(metrics.reciprocalRank()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void ties_are_scored_in_trec_eval_order_doc_id_descending() {
    Map<String, Integer> judged = Map.of("a", 1);
    List<RankedDoc> tied = List.of(new RankedDoc("a", 1.0), new RankedDoc("b", 1.0));
    // trec_eval puts "b" before "a" on equal scores, whatever order the run lists them in.
    assertThat(EVAL.evaluate("q", tied, judged).reciprocalRank()).isEqualTo(0.5);
  }

  @Test
  void queries_without_relevant_documents_are_skipped_and_missing_runs_count_as_zero() {
    Map<String, Map<String, Integer>> qrels = Map.of(
        "q1", Map.of("a", 1),
        "q2", Map.of("b", 1),
        "q3", Map.of("c", 0));
    Map<String, List<RankedDoc>> run = Map.of("q1", List.of(new RankedDoc("a", 3.0)));
    EvalSummary summary = EVAL.evaluate(run, qrels);
    assertThat(summary.queries()).isEqualTo(2);
    assertThat(summary.ndcg()).isCloseTo(0.5, within(1e-12));
    assertThat(summary.mrr()).isCloseTo(0.5, within(1e-12));
    assertThat(summary.perQuery()).extracting(QueryMetrics::queryId).containsExactly("q1", "q2");
  }

  @Test
  void run_file_lists_queries_in_order_with_trec_ranks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.trec");
    TrecRunWriter.write(file, Map.of(
        "q2", List.of(new RankedDoc("x", 0.5)),
        "q1", List.of(new RankedDoc("a", 1.0), new RankedDoc("b", 1.0), new RankedDoc("c", 2.5))),
        "ragft");
    assertThat(Files.readString(file)).isEqualTo("""
        q1 Q0 c 1 2.5 ragft
        q1 Q0 b 2 1.0 ragft
        q1 Q0 a 3 1.0 ragft
        q2 Q0 x 1 0.5 ragft
        """);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
