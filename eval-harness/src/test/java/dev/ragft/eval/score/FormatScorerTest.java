package dev.ragft.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.FormatSpec;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.Regex;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Format checks on golden replies: the demo's reply schema, patterns, length and sections. */
class FormatScorerTest {

  private final FormatScorer scorer = new FormatScorer();
  private final FailureCase addTechnician = WrenboltCases.byId("b-add-technician");

  @Test
  void a_valid_support_reply_passes_the_schema_and_the_length() {
    List<Check> checks = scorer.score(Reply.closedBook(addTechnician,
        "{\"action\": \"answer\", \"answer\": \"Invite them from your account.\","
            + " \"sources\": [\"getting-started\"]}"));

    assertThat(checks).containsExactly(
        new Check(CheckKind.FORMAT, "format.json_schema", true, "valid against the schema", true),
        new Check(CheckKind.FORMAT, "format.max_words", true, "10 words (at most 120)", true));
  }

  @Test
  void an_answer_that_names_a_team_breaks_the_schema_with_the_validators_message() {
    Check schema = scorer.score(Reply.closedBook(addTechnician,
        "{\"action\": \"answer\", \"answer\": \"Invite them.\", \"sources\": [],"
            + " \"escalate_to\": \"billing\"}")).get(0);

    assertThat(schema.passed()).isFalse();
    assertThat(schema.detail()).isEqualTo("1 schema error: : must not be valid to the schema"
        + " {\"required\":[\"escalate_to\"]}");
  }

  @Test
  void a_reply_missing_a_required_field_fails_naming_it() {
    Check schema = scorer.score(Reply.closedBook(addTechnician,
        "{\"action\": \"answer\", \"answer\": \"Invite them.\"}")).get(0);

    assertThat(schema.detail()).isEqualTo(
        "1 schema error: : required property 'sources' not found");
  }

  @Test
  void prose_is_not_json() {
    Check schema = scorer.score(Reply.closedBook(addTechnician, "Invite them, of course."))
        .get(0);

    assertThat(schema).isEqualTo(new Check(CheckKind.FORMAT, "format.json_schema", false,
        "is not one JSON value: Unrecognized token 'Invite': was expecting (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false')", true));
  }

  @Test
  void two_json_values_are_not_one_and_an_empty_reply_is_none() {
    assertThat(scorer.score(Reply.closedBook(addTechnician, "{} {}")).get(0).detail())
        .startsWith("is not one JSON value: Trailing token (of type START_OBJECT) found after"
            + " value");
    assertThat(scorer.score(Reply.closedBook(addTechnician, "  ")).get(0).detail())
        .isEqualTo("is not one JSON value: the reply is empty");
  }

  @Test
  void pattern_length_and_sections_each_give_a_check() {
    FailureCase failureCase = FailureCase.builder("f", Category.BEHAVIOUR,
            new Prompt.Question("Write the note."))
        .format(new FormatSpec(Optional.empty(), Optional.of(Regex.of("(?i)ticket #\\d+")),
            OptionalInt.of(10), List.of("Summary", "Next steps")))
        .build();

    List<Check> good = scorer.score(Reply.closedBook(failureCase,
        "# Summary\nTicket #42 closed.\n## Next Steps ##\nNone."));
    List<Check> bad = scorer.score(Reply.closedBook(failureCase,
        "Summary: the ticket is closed and nothing else needs doing today, thanks."));

    assertThat(good).containsExactly(
        new Check(CheckKind.FORMAT, "format.pattern", true,
            "matches /(?i)ticket #\\d+/ at \"Ticket #42\"", true),
        new Check(CheckKind.FORMAT, "format.max_words", true, "10 words (at most 10)", true),
        new Check(CheckKind.FORMAT, "format.sections", true,
            "has the sections \"Summary\", \"Next steps\"", true));
    assertThat(bad).containsExactly(
        new Check(CheckKind.FORMAT, "format.pattern", false,
            "does not match /(?i)ticket #\\d+/", true),
        new Check(CheckKind.FORMAT, "format.max_words", false, "12 words (at most 10)", true),
        new Check(CheckKind.FORMAT, "format.sections", false,
            "lacks the sections \"Summary\", \"Next steps\"", true));
  }

  @Test
  void a_case_without_a_format_gives_no_checks() {
    assertThat(scorer.score(Reply.closedBook(WrenboltCases.byId("c-capital-france"), "Paris")))
        .isEmpty();
  }
}
