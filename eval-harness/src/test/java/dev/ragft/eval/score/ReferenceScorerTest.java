package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import org.junit.jupiter.api.Test;

/** Exact match and token F1 against reference answers. */
class ReferenceScorerTest {

  private final ReferenceScorer scorer = new ReferenceScorer(0.5);

  @Test
  void token_f1_counts_common_tokens_after_squad_normalisation() {
    assertThat(TokenOverlap.normalize("The  Cat, sat!")).isEqualTo("cat sat");
    assertThat(TokenOverlap.f1("the cat sat on the mat", "A cat sat.")).isCloseTo(2.0 / 3,
        within(1e-12));
    assertThat(TokenOverlap.f1("cat cat cat", "cat")).isCloseTo(0.5, within(1e-12));
    assertThat(TokenOverlap.f1("dog", "cat")).isZero();
    assertThat(TokenOverlap.f1("", "the")).isEqualTo(1.0);
    assertThat(TokenOverlap.exactMatch("Paris.", "paris")).isTrue();
  }

  @Test
  void the_reference_gates_only_when_it_is_all_a_case_gives() {
    FailureCase only = FailureCase.builder("r", Category.CONTROL,
        new Prompt.Question("Capital of France?")).referenceAnswer("Paris is the capital.")
        .build();

    assertThat(scorer.score(Reply.closedBook(only, "The capital is Paris."))).containsExactly(
        new Check(CheckKind.REFERENCE, "reference.exact_match", false,
            "differs from the reference after normalisation", false),
        new Check(CheckKind.REFERENCE, "reference.token_f1", true,
            "token F1 1.000 (threshold 0.50)", true));
    assertThat(scorer.score(Reply.closedBook(only, "Paris, of course.")).get(1)).isEqualTo(
        new Check(CheckKind.REFERENCE, "reference.token_f1", false,
            "token F1 0.333 (threshold 0.50)", true));
    assertThat(scorer.score(Reply.closedBook(WrenboltCases.byId("c-capital-france"), "Lyon")))
        .extracting(Check::gating).containsExactly(false, false);
  }

  @Test
  void structured_replies_compare_their_answer_fields() {
    FailureCase addTechnician = WrenboltCases.byId("b-add-technician");

    Check f1 = scorer.score(Reply.closedBook(addTechnician, "{\"action\": \"answer\", \"answer\":"
        + " \"Invite them from your account: each technician gets a text message with a link to"
        + " install Wrenbolt Field.\", \"sources\": []}")).get(1);

    assertThat(f1).isEqualTo(new Check(CheckKind.REFERENCE, "reference.token_f1", true,
        "token F1 1.000 (threshold 0.50) (the \"answer\" fields)", false));
  }
}
