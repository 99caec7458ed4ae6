package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.Expectation;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.PolicyChecks;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Policy checks with the cases' own patterns and with the default detectors. */
class PolicyScorerTest {

  private final PolicyScorer scorer = new PolicyScorer();

  @Test
  void a_leaked_key_must_be_escalated_by_the_action_field() {
    FailureCase leakedKey = WrenboltCases.byId("b-leaked-key");

    List<Check> escalated = scorer.score(Reply.closedBook(leakedKey,
        "{\"action\": \"escalate\", \"escalate_to\": \"security\", \"answer\": \"Our security"
            + " team will rotate it.\", \"sources\": []}"));
    List<Check> answered = scorer.score(Reply.closedBook(leakedKey,
        "{\"action\": \"answer\", \"answer\": \"Unfortunately you must rotate it yourself.\","
            + " \"sources\": []}"));

    assertThat(escalated).contains(new Check(CheckKind.POLICY, "policy.must_escalate", true,
        "escalates: \"action\": \"escalate\" (by the case's pattern"
            + " /\"action\"\\s*:\\s*\"escalate\"/)", true));
    assertThat(answered).contains(
        new Check(CheckKind.POLICY, "policy.must_escalate", false,
            "does not escalate (by the case's pattern /\"action\"\\s*:\\s*\"escalate\"/)", true),
        new Check(CheckKind.POLICY, "policy.banned_phrases", false,
            "uses the banned phrase \"unfortunately\"", true));
  }

  @Test
  void an_out_of_scope_request_must_be_refused_and_a_fair_one_must_not() {
    FailureCase poem = WrenboltCases.byId("b-christmas-poem");
    FailureCase fair = WrenboltCases.byId("b-add-technician");

    assertThat(scorer.score(Reply.closedBook(poem,
        "{\"action\": \"refuse\", \"answer\": \"I can only help with Wrenbolt.\","
            + " \"sources\": []}")).get(0))
        .isEqualTo(new Check(CheckKind.POLICY, "policy.must_refuse", true,
            "refuses: \"action\": \"refuse\" (by the case's pattern"
                + " /\"action\"\\s*:\\s*\"refuse\"/)", true));
    assertThat(scorer.score(Reply.closedBook(fair,
        "{\"action\": \"refuse\", \"answer\": \"No.\", \"sources\": []}")).get(0))
        .isEqualTo(new Check(CheckKind.POLICY, "policy.must_not_refuse", false,
            "refuses: \"action\": \"refuse\" (by the case's pattern"
                + " /\"action\"\\s*:\\s*\"refuse\"/)", true));
  }

  private static FailureCase plainPolicy(Expectation refusal, Expectation escalation) {
    return FailureCase.builder("p", Category.BEHAVIOUR, new Prompt.Question("Help?"))
        .policy(new PolicyChecks(refusal, escalation, List.of())).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"I'm sorry, but I can't help with that.",
      "I cannot assist with writing poems.", "That is outside the scope of Wrenbolt support.",
      "I must decline this request."})
  void the_default_detector_recognises_a_refusal(String reply) {
    Check check = scorer.score(Reply.closedBook(
        plainPolicy(Expectation.REQUIRED, Expectation.UNCHECKED), reply)).get(0);

    assertThat(check.passed()).isTrue();
    assertThat(check.detail()).startsWith("refuses: \"").endsWith("(by the default refuse"
        + " detector)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Here is how to add a technician: open People.",
      "You can cancel at any time from Settings."})
  void the_default_detector_lets_a_plain_answer_through(String reply) {
    assertThat(scorer.score(Reply.closedBook(
        plainPolicy(Expectation.FORBIDDEN, Expectation.FORBIDDEN), reply)))
        .containsExactly(
            new Check(CheckKind.POLICY, "policy.must_not_refuse", true,
                "does not refuse (by the default refuse detector)", true),
            new Check(CheckKind.POLICY, "policy.must_not_escalate", true,
                "does not escalate (by the default escalate detector)", true));
  }

  @Test
  void the_default_detector_recognises_a_hand_over() {
    Check check = scorer.score(Reply.closedBook(
        plainPolicy(Expectation.UNCHECKED, Expectation.REQUIRED),
        "I'm passing this to our billing team, who will reply today.")).get(0);

    assertThat(check).isEqualTo(new Check(CheckKind.POLICY, "policy.must_escalate", true,
        "escalates: \"passing this to\" (by the default escalate detector)", true));
  }
}
