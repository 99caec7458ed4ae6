package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.eval.result.RetrievalScores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-case retrieval metrics on hand-computed rankings. */
class RetrievalMetricsTest {

  @Test
  void a_gold_document_second_gives_rr_one_half_and_ndcg_one_over_log2_3() {
    RetrievalScores scores = RetrievalMetrics.score("q",
        List.of("sla", "pricing-plans.html", "sla", "pricing-plans.html"),
        List.of("pricing-plans"), 5);

    assertThat(scores.k()).isEqualTo(5);
    assertThat(scores.hit()).isEqualTo(1.0);
    assertThat(scores.reciprocalRank()).isEqualTo(0.5);
    assertThat(scores.ndcg()).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
  }

  @Test
  void two_gold_documents_first_and_third() {
    RetrievalScores scores = RetrievalMetrics.score("q", List.of("a", "x", "b"),
        List.of("a", "b"), 3);

    double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
    double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
    assertThat(scores.ndcg()).isCloseTo(dcg / ideal, within(1e-12));
    assertThat(scores.reciprocalRank()).isEqualTo(1.0);
  }

  @Test
  void nothing_gold_retrieved_scores_zero() {
    assertThat(RetrievalMetrics.score("q", List.of("x", "y"), List.of("a"), 2))
        .isEqualTo(new RetrievalScores(2, 0, 0, 0));
  }
}
