package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failure taxonomy on constructed replies whose right label is known. */
class FailureLabelerTest {

  private static final FailureCase PRICE = FailureCase.builder("k", Category.KNOWLEDGE,
          new Prompt.Question("How much is Crew?"))
      .goldDocIds(List.of("pricing-plans", "billing-faq"))
      .requiredFact(new RequiredFact(new TextMatch.Contains("£34"), Optional.of("pricing-plans")))
      .requiredFact(RequiredFact.contains("per technician"))
      .build();
  private static final Check FACT0 =
      new Check(CheckKind.REQUIRED_FACT, "fact[0]", false, "missing", true);
  private static final Check FACT1 =
      new Check(CheckKind.REQUIRED_FACT, "fact[1]", false, "missing", true);
  private static final Check SCHEMA =
      new Check(CheckKind.FORMAT, "format.json_schema", false, "not JSON", true);
  private static final Check INFO =
      new Check(CheckKind.REFERENCE, "reference.token_f1", false, "low", false);

  private static Passage passage(int number, String docId) {
    return new Passage(number, docId, "v2", docId, 0, 4, "text", false);
  }

  private static Verdict verdict(boolean contextGiven, List<Passage> context, Check... checks) {
    return FailureLabeler.verdict(new Reply(PRICE, "reply", contextGiven, context),
        List.of(checks));
  }

  private static FailureLabel label(boolean contextGiven, List<Passage> context,
      Check... checks) {
    return ((Verdict.Fail) verdict(contextGiven, context, checks)).label();
  }

  @Test
  void only_failed_gating_checks_count() {
    assertThat(verdict(false, List.of(), INFO)).isEqualTo(new Verdict.Pass());
  }

  @Test
  void without_context_a_missing_fact_is_knowledge_and_a_bad_shape_behaviour() {
    assertThat(label(false, List.of(), FACT0)).isEqualTo(FailureLabel.KNOWLEDGE);
    assertThat(label(false, List.of(), SCHEMA)).isEqualTo(FailureLabel.BEHAVIOUR);
    assertThat(label(false, List.of(), FACT0, SCHEMA))
        .isEqualTo(FailureLabel.KNOWLEDGE_AND_BEHAVIOUR);
  }

  @Test
  void with_the_facts_document_in_context_a_missing_fact_is_grounding() {
    assertThat(label(true, List.of(passage(1, "faq"), passage(2, "pricing-plans.html")), FACT0))
        .isEqualTo(FailureLabel.GROUNDING);
  }

  @Test
  void with_only_another_gold_document_in_context_a_fact_tied_to_a_document_is_a_miss() {
    assertThat(label(true, List.of(passage(1, "billing-faq")), FACT0))
        .isEqualTo(FailureLabel.RETRIEVAL_MISS);
  }

  @Test
  void a_fact_tied_to_no_document_looks_at_every_gold_document() {
    assertThat(label(true, List.of(passage(1, "billing-faq")), FACT1))
        .isEqualTo(FailureLabel.GROUNDING);
    assertThat(label(true, List.of(passage(1, "sla")), FACT0, FACT1))
        .isEqualTo(FailureLabel.RETRIEVAL_MISS);
  }

  @Test
  void context_that_found_nothing_is_a_retrieval_miss() {
    assertThat(label(true, List.of(), FACT0)).isEqualTo(FailureLabel.RETRIEVAL_MISS);
  }

  @Test
  void a_case_without_gold_documents_fails_on_knowledge_even_with_context() {
    FailureCase closedBook = FailureCase.builder("c", Category.CONTROL,
        new Prompt.Question("Capital?")).requiredFact(RequiredFact.contains("Paris")).build();

    Verdict verdict = FailureLabeler.verdict(new Reply(closedBook, "Lyon", true,
        List.of(passage(1, "x"))), List.of(FACT0));

    assertThat(verdict).isEqualTo(new Verdict.Fail("fact[0]: missing", FailureLabel.KNOWLEDGE));
  }

  @Test
  void the_reason_lists_every_failed_gating_check() {
    assertThat(verdict(false, List.of(), FACT0, INFO, SCHEMA)).isEqualTo(new Verdict.Fail(
        "fact[0]: missing; format.json_schema: not JSON", FailureLabel.KNOWLEDGE_AND_BEHAVIOUR));
  }
}
