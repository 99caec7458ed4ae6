package dev.ragft.eval.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.testing.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisTest {

  // Signatures over baseline, rag, finetuned, hybrid, oracle.
  private static final String KNOWLEDGE_RAG = "KPKPP";
  private static final String KNOWLEDGE_GAP = "KRKRP";
  private static final String BEHAVIOUR_FT = "BBPPB";
  private static final String BOTH = "XGKPB";
  private static final String UNEXPLAINED = "KGKGG";

  private static Diagnosis diagnose(RunResult run) {
    return Diagnosis.of(run, DiagnosisConfig.DEFAULT);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PKKKK, PASSES", "KPKPP, KNOWLEDGE", "KRKRP, KNOWLEDGE", "KPKKK, KNOWLEDGE",
      "XGKPB, BOTH", "XXXXX, BOTH", "BBPPB, BEHAVIOUR", "BBBBB, BEHAVIOUR", "BBPKB, BEHAVIOUR",
      "KGKGG, UNEXPLAINED", "KKPKK, UNEXPLAINED", "-PPPP, INCOMPLETE", "BPBPB, KNOWLEDGE",
      "KK-PK, BOTH", "BB--B, BEHAVIOUR"})
  void each_signature_falls_in_the_group_the_rules_give(String signature, Group expected) {
    Diagnosis diagnosis = diagnose(TestRuns.builder(1).add("c", signature).build());
    assertThat(diagnosis.cases().getFirst().group()).isEqualTo(expected);
  }

  @Test
  void without_an_oracle_the_in_view_result_is_rags() {
    RunResult run = TestRuns.builder(1, List.of("baseline", "rag")).add("c", "KB").build();
    Diagnosis diagnosis = diagnose(run);
    assertThat(diagnosis.cases().getFirst().group()).isEqualTo(Group.BEHAVIOUR);
    assertThat(diagnosis.missingRoles()).containsExactly("finetuned", "hybrid", "oracle");
  }

  @Test
  void mostly_knowledge_failures_that_context_fixes_recommend_rag() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 12, KNOWLEDGE_RAG).add("g", 4, KNOWLEDGE_GAP)
        .add("b", 2, BEHAVIOUR_FT).add("u", 2, UNEXPLAINED).add("p", 10, "PPPPP").build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.RAG);
    assertThat(d.recommendation().rule()).isEqualTo("mostly-knowledge");
    assertThat(d.recommendation().headline()).isEqualTo("Start with RAG: 16 of 20 baseline failures"
        + " (80%) are knowledge failures that the right context fixes; behaviour failures are not"
        + " severe (10%).");
    Statement knowledge = statement(d, "knowledge");
    assertThat(knowledge.text()).isEqualTo("16 of 20 baseline failures are knowledge failures: the"
        + " right context fixes them (80%, 95% CI 58%–92%).");
    assertThat(knowledge.caseIds()).hasSize(16).startsWith("g-00", "g-01");
    Statement gap = statement(d, "knowledge.retrieval_gap");
    assertThat(gap.caseIds()).containsExactly("g-00", "g-01", "g-02", "g-03");
    assertThat(statement(d, "knowledge.rag").text())
        .isEqualTo("RAG (rag) fixes 12 of these 16 (75%, 95% CI 51%–90%).");
  }

  @Test
  void behaviour_failures_with_the_context_in_view_recommend_fine_tuning() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("b", 16, BEHAVIOUR_FT).add("k", 2, KNOWLEDGE_RAG).add("u", 2, UNEXPLAINED).build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.FINE_TUNING);
    assertThat(statement(d, "behaviour.finetuned").share().count()).isEqualTo(16);
    assertThat(d.recommendation().headline()).startsWith("Evaluate fine-tuning: 16 of 20 baseline");
  }

  @Test
  void both_severe_recommends_hybrid() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 8, KNOWLEDGE_RAG).add("b", 8, BEHAVIOUR_FT).add("x", 4, BOTH).build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.HYBRID);
    assertThat(d.recommendation().rule()).isEqualTo("both-severe");
    assertThat(statement(d, "both.hybrid").caseIds())
        .containsExactly("x-00", "x-01", "x-02", "x-03");
  }

  @Test
  void a_small_sample_is_insufficient_evidence_with_its_leaning() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 4, KNOWLEDGE_RAG).add("p", 30, "PPPPP").build());
    Recommendation r = d.recommendation();
    assertThat(r.kind()).isEqualTo(RecommendationKind.INSUFFICIENT_EVIDENCE);
    assertThat(r.rule()).isEqualTo("too-few-failures");
    assertThat(r.leaning()).contains(RecommendationKind.RAG);
    assertThat(r.headline()).isEqualTo("Insufficient evidence: only 4 baseline failures (at least"
        + " 6 needed); the counts alone lean towards: start with RAG.");
  }

  @Test
  void a_tie_on_few_cases_is_insufficient_evidence() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 3, KNOWLEDGE_RAG).add("b", 3, BEHAVIOUR_FT).build());
    Recommendation r = d.recommendation();
    assertThat(r.kind()).isEqualTo(RecommendationKind.INSUFFICIENT_EVIDENCE);
    assertThat(r.rule()).isEqualTo("interval");
    assertThat(r.leaning()).contains(RecommendationKind.HYBRID);
  }

  @Test
  void a_majority_that_the_interval_does_not_confirm_is_insufficient() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 5, KNOWLEDGE_RAG).add("u", 3, UNEXPLAINED).build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.INSUFFICIENT_EVIDENCE);
    assertThat(d.recommendation().leaning()).contains(RecommendationKind.RAG);
  }

  @Test
  void mostly_unexplained_failures_give_no_clear_fix() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 4, KNOWLEDGE_RAG).add("b", 2, BEHAVIOUR_FT).add("u", 14, UNEXPLAINED).build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.NO_CLEAR_FIX);
    assertThat(statement(d, "unexplained").share().count()).isEqualTo(14);
  }

  @Test
  void a_baseline_that_passes_everything_needs_no_fix() {
    Diagnosis d = diagnose(TestRuns.builder(1).add("p", 5, "PPPPP").build());
    assertThat(d.recommendation().kind()).isEqualTo(RecommendationKind.NO_FIX_NEEDED);
    assertThat(d.recommendation().headline())
        .isEqualTo("No fix needed: the baseline passes all 5 cases.");
  }

  @Test
  void a_run_without_a_baseline_is_insufficient() {
    RunResult run = TestRuns.builder(1, List.of("rag", "hybrid")).add("c", 7, "KP").build();
    Diagnosis d = diagnose(run);
    assertThat(d.recommendation().rule()).isEqualTo("no-baseline");
    assertThat(d.groups()).containsEntry(Group.INCOMPLETE, 7);
  }

  @Test
  void the_table_groups_cases_by_signature_and_lists_regressions() {
    Diagnosis d = diagnose(TestRuns.builder(1)
        .add("k", 3, KNOWLEDGE_RAG).add("p", 2, "PKPPP").add("q", "PPPPP").build());
    assertThat(d.table()).hasSize(3);
    SignatureRow first = d.table().getFirst();
    assertThat(first.caseIds()).containsExactly("k-00", "k-01", "k-02");
    assertThat(first.signature()).containsExactly(Outcome.FAIL, Outcome.PASS, Outcome.FAIL,
        Outcome.PASS, Outcome.PASS);
    Statement regressions = statement(d, "regressions.rag");
    assertThat(regressions.caseIds()).containsExactly("p-00", "p-01");
    assertThat(regressions.text()).startsWith("rag fails 2 of 3 cases the baseline passes");
  }

  private static Statement statement(Diagnosis d, String key) {
    return d.statements().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }
}
