package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import org.junit.jupiter.api.Test;

/** Required facts and forbidden claims on golden replies to demo cases. */
class FactScorerTest {

  private final FactScorer scorer = new FactScorer();
  private final FailureCase crewPrice = WrenboltCases.byId("k-crew-price-v2");

  @Test
  void a_reply_with_the_new_price_passes_both_checks() {
    assertThat(scorer.score(Reply.closedBook(crewPrice,
        "The Crew plan costs £34 per technician per month."))).containsExactly(
        new Check(CheckKind.REQUIRED_FACT, "fact[0]", true,
            "states \"£34\" (from pricing-plans)", true),
        new Check(CheckKind.FORBIDDEN_CLAIM, "forbidden[0]", true,
            "does not make the claim pattern /(?iu)£\\s?29(?!\\d|[.,]\\d)/ (stale: the value"
                + " before version 2 (£29))", true));
  }

  @Test
  void a_reply_with_the_stale_price_fails_both_checks() {
    assertThat(scorer.score(Reply.closedBook(crewPrice, "Crew is £ 29 a month per tech.")))
        .containsExactly(
            new Check(CheckKind.REQUIRED_FACT, "fact[0]", false,
                "does not state the fact: pattern /(?iu)£\\s?34(?!\\d|[.,]\\d)/ (from"
                    + " pricing-plans)", true),
            new Check(CheckKind.FORBIDDEN_CLAIM, "forbidden[0]", false,
                "makes the forbidden claim \"£ 29\" (stale: the value before version 2 (£29))",
                true));
  }

  @Test
  void a_stale_value_mentioned_in_passing_still_fails() {
    assertThat(scorer.score(Reply.closedBook(crewPrice,
        "It went up from £29 to £34 per technician.")))
        .extracting(Check::name, Check::passed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("fact[0]", true),
            org.assertj.core.groups.Tuple.tuple("forbidden[0]", false));
  }

  @Test
  void a_price_that_only_starts_like_the_fact_does_not_count() {
    assertThat(scorer.score(Reply.closedBook(crewPrice, "It is £34.50 per technician.")).get(0)
        .passed()).isFalse();
  }

  @Test
  void contains_ignores_case_and_runs_of_whitespace() {
    FailureCase failureCase = FailureCase.builder("c", Category.CONTROL,
            new Prompt.Question("Where?"))
        .requiredFact(RequiredFact.contains("per  Technician")).build();

    Check check = scorer.score(Reply.closedBook(failureCase, "£34 PER\n\ttechnician")).get(0);

    assertThat(check).isEqualTo(new Check(CheckKind.REQUIRED_FACT, "fact[0]", true,
        "states \"per  Technician\"", true));
  }

  @Test
  void a_case_without_facts_or_claims_gives_no_checks() {
    assertThat(scorer.score(Reply.closedBook(WrenboltCases.byId("b-add-technician"), "{}")))
        .isEmpty();
  }
}
