package dev.ragft.rag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

  private static final Map<String, Map<String, Integer>> QRELS = Map.of(
      "q1", Map.of("a", 1),
      "q2", Map.of("b", 1),
      "q3", Map.of("c", 1));

  @Test
  void compares_means_per_query_outcomes_and_p_values_per_metric() {
    // Baseline: a at 1, b at 2, c missing. Candidate: a at 1, b at 1, c at 2.
    EvalSummary baseline = TrecEval.BEIR.evaluate(Map.of(
        "q1", List.of(new RankedDoc("a", 2), new RankedDoc("x", 1)),
        "q2", List.of(new RankedDoc("x", 2), new RankedDoc("b", 1))), QRELS);
    EvalSummary candidate = TrecEval.BEIR.evaluate(Map.of(
        "q1", List.of(new RankedDoc("a", 2), new RankedDoc("x", 1)),
        "q2", List.of(new RankedDoc("b", 2), new RankedDoc("x", 1)),
        "q3", List.of(new RankedDoc("x", 2), new RankedDoc("c", 1))), QRELS);
    RunComparison comparison = RunComparison.of(baseline, candidate, 1000, 3);
    assertThat(comparison.queries()).isEqualTo(3);
    assertThat(comparison.metrics()).containsOnlyKeys("ndcg@10", "recall@100", "mrr@10");

    double atTwo = 1 / (Math.log(3) / Math.log(2));
    RunComparison.Delta ndcg = comparison.metrics().get("ndcg@10");
    assertThat(ndcg.baseline()).isCloseTo((1 + atTwo) / 3, within(1e-12));
    assertThat(ndcg.candidate()).isCloseTo((2 + atTwo) / 3, within(1e-12));
    assertThat(ndcg.delta()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(List.of(ndcg.better(), ndcg.worse(), ndcg.same())).containsExactly(2, 0, 1);
    // Differences (0, 1 - atTwo, atTwo) sum to 1; of the 4 sign patterns of the non-zero two,
    // ++ and -- reach |1|, +- and -+ give |1 - 2 atTwo| = 0.26.
    assertThat(ndcg.p()).isEqualTo(0.5);

    RunComparison.Delta recall = comparison.metrics().get("recall@100");
    assertThat(recall.baseline()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(recall.candidate()).isEqualTo(1.0);
    assertThat(List.of(recall.better(), recall.worse(), recall.same())).containsExactly(1, 0, 2);
    assertThat(recall.p()).isEqualTo(1.0);

    RunComparison.Delta mrr = comparison.metrics().get("mrr@10");
    assertThat(mrr.delta()).isCloseTo((0.5 + 0.5) / 3, within(1e-12));
  }

  @Test
  void evaluations_of_other_queries_are_refused() {
    EvalSummary three = TrecEval.BEIR.evaluate(Map.of(), QRELS);
    EvalSummary one = TrecEval.BEIR.evaluate(Map.of(), Map.of("q1", Map.of("a", 1)));
    assertThatThrownBy(() -> RunComparison.of(three, one, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the two evaluations are not over the same queries");
  }
}
