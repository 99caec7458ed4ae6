package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.result.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citations must point into the context and at a passage that holds the cited fact. */
class CitationScorerTest {

  private static final Passage PRICING = new Passage(1, "pricing-plans", "v2",
      "v2/pricing-plans.html", 0, 40, "Crew £34 per technician per month", true);
  private static final Passage FAQ = new Passage(2, "billing-faq.md", "v2", "v2/billing-faq.md",
      0, 30, "Invoices are sent on the 1st.", false);

  private final CitationScorer scorer = new CitationScorer();
  private final FailureCase crewPrice = WrenboltCases.byId("k-crew-price-v2");

  private List<Check> score(String reply) {
    return scorer.score(new Reply(crewPrice, reply, true, List.of(PRICING, FAQ)));
  }

  @Test
  void sources_in_the_context_that_hold_the_fact_pass() {
    assertThat(score("{\"action\": \"answer\", \"answer\": \"Crew is £34.\","
        + " \"sources\": [\"pricing-plans\"]}")).containsExactly(
        new Check(CheckKind.CITATION, "citation.valid", true,
            "cites pricing-plans, all in the context", true),
        new Check(CheckKind.CITATION, "citation.support", true,
            "the cited passages hold fact[0]", true));
  }

  @Test
  void a_made_up_source_fails_validity() {
    assertThat(score("Crew is £34 [pricing-plans] [3] [refund-policy]").get(0)).isEqualTo(
        new Check(CheckKind.CITATION, "citation.valid", false,
            "cites [3], refund-policy, not in the context", true));
  }

  @Test
  void a_fact_pinned_on_the_wrong_passage_fails_support_and_extensions_are_matched() {
    assertThat(score("Crew is £34 per technician [2] [billing-faq]")).containsExactly(
        new Check(CheckKind.CITATION, "citation.valid", true,
            "cites [2], billing-faq, all in the context", true),
        new Check(CheckKind.CITATION, "citation.support", false,
            "no cited passage holds fact[0]", true));
  }

  @Test
  void citing_nothing_is_valid_and_without_context_nothing_is_checked() {
    assertThat(score("Crew is £34.")).containsExactly(
        new Check(CheckKind.CITATION, "citation.valid", true, "cites nothing", true));
    assertThat(scorer.score(Reply.closedBook(crewPrice, "Crew is £34 [9]."))).isEmpty();
  }

  @Test
  void the_cited_passages_are_listed_in_context_order() {
    assertThat(CitationScorer.cited("see [billing-faq] and [1]", List.of(PRICING, FAQ)))
        .containsExactly(PRICING, FAQ);
  }
}
