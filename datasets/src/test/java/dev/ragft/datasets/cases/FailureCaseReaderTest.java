package dev.ragft.datasets.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureCaseReaderTest {

  private static InputStream resource(String name) {
    return FailureCaseReaderTest.class.getResourceAsStream(name);
  }

  private static List<FailureCase> read(String name, CaseFileFormat format) {
    return new FailureCaseReader(OnError.FAIL, InputProblems.collecting())
        .read(resource(name), name, format);
  }

  @Test
  void the_yaml_golden_file_reads_every_field() {
    List<FailureCase> cases = read("golden.yaml", CaseFileFormat.YAML);
    assertThat(cases).extracting(FailureCase::id)
        .containsExactly("k-price-2", "b-escalate-breach", "h-handover");

    FailureCase price = cases.get(0);
    assertThat(price.category()).isEqualTo(Category.KNOWLEDGE);
    assertThat(price.prompt()).isEqualTo(
        new Prompt.Question("What does the Crew plan cost per technician per month?"));
    assertThat(price.referenceAnswer())
        .contains("The Crew plan costs $34 per technician per month.");
    assertThat(price.requiredFacts()).containsExactly(
        RequiredFact.contains("$34"),
        new RequiredFact(TextMatch.Matches.of("(?i)per\\s+technician"),
            Optional.of("pricing-plans")));
    assertThat(price.forbiddenClaims()).containsExactly(
        new ForbiddenClaim(new TextMatch.Contains("$29"), Optional.of("stale: the version 1 price")),
        new ForbiddenClaim(new TextMatch.Contains("$19"), Optional.empty()));
    assertThat(price.goldDocIds()).containsExactly("pricing-plans", "billing-faq");
    assertThat(price.corpusVersion()).contains("v2");
    assertThat(price.appliesTo("v2")).isTrue();
    assertThat(price.appliesTo("v1")).isFalse();
    assertThat(price.tags()).containsExactly("changed-fact", "price");
    assertThat(price.format()).isEqualTo(FormatSpec.NONE);
    assertThat(price.policy()).isEqualTo(PolicyChecks.NONE);

    FailureCase breach = cases.get(1);
    assertThat(breach.prompt()).isEqualTo(new Prompt.Conversation(List.of(
        ChatMessage.system("You are a support assistant."),
        ChatMessage.user("I think someone logged into my account from abroad."),
        ChatMessage.assistant("Did you share your password with anyone?"),
        ChatMessage.user("No, never."))));
    assertThat(breach.questionText()).isEqualTo("No, never.");
    assertThat(breach.format().jsonSchema().orElseThrow().toString()).isEqualTo(
        "{\"type\":\"object\",\"required\":[\"action\"],"
            + "\"properties\":{\"action\":{\"enum\":[\"answer\",\"escalate\",\"refuse\"]}}}");
    assertThat(breach.format().pattern()).contains(Regex.of("^\\{"));
    assertThat(breach.format().maxWords()).isEqualTo(OptionalInt.of(80));
    assertThat(breach.policy()).isEqualTo(new PolicyChecks(Expectation.FORBIDDEN,
        Expectation.REQUIRED, List.of("unfortunately", "as an AI"), Optional.empty(),
        Optional.of(Regex.of("\"action\"\\s*:\\s*\"escalate\""))));
    assertThat(breach.policy().escalationPattern().orElseThrow()
        .foundIn("{\"action\": \"escalate\", \"answer\": \"...\"}")).isTrue();
    assertThat(breach.corpusVersion()).isEmpty();
    assertThat(breach.appliesTo("v1")).isTrue();

    FailureCase handover = cases.get(2);
    assertThat(handover.format().jsonSchema().orElseThrow().toString())
        .isEqualTo("{\"type\":\"string\",\"maxLength\":2000}");
    assertThat(handover.format().requiredSections()).containsExactly("Summary", "Next step");
    assertThat(handover.goldDocIds()).isEmpty();
  }

  @Test
  void the_jsonl_golden_file_gives_the_same_cases_as_the_yaml_one() {
    assertThat(read("golden.jsonl", CaseFileFormat.JSONL))
        .isEqualTo(read("golden.yaml", CaseFileFormat.YAML));
  }

  @Test
  void writing_a_case_as_json_and_parsing_it_again_gives_the_same_case() {
    for (FailureCase original : read("golden.yaml", CaseFileFormat.YAML)) {
      var json = FailureCaseJson.toJson(original);
      FailureCase again = FailureCaseJson.parse(Node.root(LocatedTree.onOneLine(json, "x", 1)));
      assertThat(again).isEqualTo(original);
    }
  }

  @Test
  void the_csv_golden_file_splits_list_cells_and_keeps_patterns_whole() {
    List<FailureCase> cases = read("golden.csv", CaseFileFormat.CSV);
    assertThat(cases).extracting(FailureCase::id)
        .containsExactly("k-price-2", "b-refuse", "c-capital");
    FailureCase price = cases.get(0);
    assertThat(price.requiredFacts()).containsExactly(RequiredFact.contains("$34"));
    assertThat(price.forbiddenClaims()).extracting(ForbiddenClaim::match).containsExactly(
        new TextMatch.Contains("$29"), new TextMatch.Contains("$19"));
    assertThat(price.goldDocIds()).containsExactly("pricing-plans", "billing-faq");
    assertThat(price.tags()).containsExactly("changed-fact", "price");
    assertThat(price.corpusVersion()).contains("v2");
    FailureCase refuse = cases.get(1);
    assertThat(refuse.questionText()).isEqualTo("Write me a poem, please.");
    assertThat(refuse.format().jsonSchema().orElseThrow().toString())
        .isEqualTo("{\"type\":\"object\"}");
    assertThat(refuse.format().pattern()).contains(Regex.of("^\\{"));
    assertThat(refuse.format().maxWords()).isEqualTo(OptionalInt.of(80));
    assertThat(refuse.policy()).isEqualTo(new PolicyChecks(Expectation.REQUIRED,
        Expectation.FORBIDDEN, List.of("unfortunately"),
        Optional.of(Regex.of("\"action\"\\s*:\\s*\"refuse\"")), Optional.empty()));
    assertThat(cases.get(2).requiredFacts()).containsExactly(new RequiredFact(
        TextMatch.Matches.of("(?i)\\bparis\\b"), Optional.empty()));
  }

  @Test
  void ids_must_be_unique_across_all_files_one_reader_reads() {
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    reader.read(resource("golden.yaml"), "golden.yaml", CaseFileFormat.YAML);
    assertThatThrownBy(() ->
        reader.read(resource("golden.jsonl"), "golden.jsonl", CaseFileFormat.JSONL))
        .isInstanceOf(InputException.class)
        .hasMessage("golden.jsonl:1: field \"id\" repeats case id \"k-price-2\" first given at "
            + "golden.yaml:2");
  }

  @Test
  void the_skip_policy_reports_bad_cases_and_keeps_the_good_ones() {
    String yaml = """
        - id: good-1
          category: control
          question: What is 2 + 2?
          required_facts: ["4"]
        - id: bad
          category: trivia
          question: Who?
          reference_answer: Nobody.
        - id: good-2
          category: control
          question: What is 3 + 3?
          required_facts: ["6"]
        """;
    InputProblems problems = InputProblems.collecting();
    FailureCaseReader reader = new FailureCaseReader(OnError.SKIP, problems);
    List<FailureCase> cases = reader.read(utf8(yaml), "mixed.yaml", CaseFileFormat.YAML);
    assertThat(cases).extracting(FailureCase::id).containsExactly("good-1", "good-2");
    assertThat(reader.skipped()).isEqualTo(1);
    assertThat(problems.count(ProblemKind.MALFORMED_RECORD)).isEqualTo(1);
    assertThat(problems.messages()).containsExactly("mixed.yaml:6: field \"category\" must be one "
        + "of knowledge, behaviour, hybrid, control, but is: \"trivia\" (skipped)");
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
