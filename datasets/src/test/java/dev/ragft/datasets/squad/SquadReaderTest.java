package dev.ragft.datasets.squad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.Expectation;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.ForbiddenClaim;
import dev.ragft.datasets.cases.PolicyChecks;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SquadReaderTest {

  private static SquadDataset read(String name) {
    return SquadReader.read(SquadReaderTest.class.getResourceAsStream(name), name, OnError.FAIL,
        InputProblems.collecting());
  }

  private static SquadDataset read(String json, OnError onError, InputProblems problems) {
    return SquadReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "squad.json", onError, problems);
  }

  @Test
  void v1_paragraphs_become_documents_and_questions_become_cases() {
    SquadDataset squad = read("mini-v1.1.json");
    assertThat(squad.version()).isEqualTo("1.1");
    assertThat(squad.paragraphs()).containsExactly(
        new SquadParagraph("Harbour_of_Vell#0", "Harbour_of_Vell", "The harbour of Vell was "
            + "dredged in 1841. Its lighthouse, the Grey Lantern, stands 31 metres tall."),
        new SquadParagraph("Harbour_of_Vell#1", "Harbour_of_Vell",
            "Fishing boats leave Vell before dawn."));
    assertThat(squad.cases()).extracting(FailureCase::id)
        .containsExactly("v1-q1", "v1-q2", "v1-q3");

    FailureCase dredged = squad.cases().get(0);
    assertThat(dredged.category()).isEqualTo(Category.KNOWLEDGE);
    assertThat(dredged.questionText()).isEqualTo("When was the harbour of Vell dredged?");
    assertThat(dredged.referenceAnswer()).contains("1841");
    assertThat(dredged.goldDocIds()).containsExactly("Harbour_of_Vell#0");
    assertThat(dredged.requiredFacts()).containsExactly(new RequiredFact(
        new TextMatch.Contains("1841"), Optional.of("Harbour_of_Vell#0")));
    assertThat(dredged.tags()).containsExactly("squad");

    FailureCase tall = squad.cases().get(1);
    assertThat(tall.referenceAnswer()).contains("31 metres");
    assertThat(tall.requiredFacts()).containsExactly(new RequiredFact(
        TextMatch.Matches.of("(?iu)(?:\\Q31\\E\\s+\\Qmetres\\E|\\Q31\\E\\s+\\Qmetres\\E\\s+"
            + "\\Qtall\\E)"), Optional.of("Harbour_of_Vell#0")));
    assertThat(squad.cases().get(2).goldDocIds()).containsExactly("Harbour_of_Vell#1");
  }

  @Test
  void v2_unanswerable_questions_must_be_declined_and_forbid_their_plausible_answers() {
    SquadDataset squad = read("mini-v2.0.json");
    assertThat(squad.version()).isEqualTo("v2.0");
    assertThat(squad.paragraphs()).extracting(SquadParagraph::id).containsExactly("Orrin Valley#0");
    FailureCase answerable = squad.cases().get(0);
    assertThat(answerable.referenceAnswer()).contains("1902");
    assertThat(answerable.policy()).isEqualTo(PolicyChecks.NONE);

    FailureCase reopen = squad.cases().get(1);
    assertThat(reopen.referenceAnswer()).isEmpty();
    assertThat(reopen.requiredFacts()).isEmpty();
    assertThat(reopen.policy()).isEqualTo(
        new PolicyChecks(Expectation.REQUIRED, Expectation.UNCHECKED, List.of()));
    assertThat(reopen.forbiddenClaims()).containsExactly(new ForbiddenClaim(
        new TextMatch.Contains("1967"),
        Optional.of("plausible but wrong: the paragraph does not answer the question")));
    assertThat(reopen.tags()).containsExactly("squad", "unanswerable");
    assertThat(reopen.goldDocIds()).containsExactly("Orrin Valley#0");

    FailureCase driver = squad.cases().get(2);
    assertThat(driver.forbiddenClaims()).isEmpty();
    assertThat(driver.policy().refusal()).isEqualTo(Expectation.REQUIRED);
  }

  @Test
  void an_answer_missing_from_its_paragraph_is_reported_with_its_full_path() {
    String json = """
        {"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "Alpha beta.",
          "qas": [{"id": "q1", "question": "What?", "answers": [{"text": "gamma", "answer_start": 0}]}]}]}]}
        """;
    assertThatThrownBy(() -> read(json, OnError.FAIL, InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage("squad.json:2: field \"data[0].paragraphs[0].qas[0].answers[0].text\" is not "
            + "found in the paragraph: \"gamma\"");
  }

  @Test
  void the_skip_policy_drops_only_the_bad_question() {
    String json = """
        {"version": "v2.0", "data": [{"title": "T", "paragraphs": [{"context": "Alpha beta.",
          "qas": [{"id": "q1", "question": "What?", "answers": [], "is_impossible": false},
                  {"id": "q2", "question": "Which?", "answers": [{"text": "beta"}]}]}]}]}
        """;
    InputProblems problems = InputProblems.collecting();
    SquadDataset squad = read(json, OnError.SKIP, problems);
    assertThat(squad.cases()).extracting(FailureCase::id).containsExactly("q2");
    assertThat(squad.paragraphs()).hasSize(1);
    assertThat(problems.messages()).containsExactly("squad.json:2: field "
        + "\"data[0].paragraphs[0].qas[0].answers\" is empty, but the question is not marked "
        + "is_impossible (skipped)");
  }

  @Test
  void a_file_that_is_not_squad_is_refused() {
    assertThatThrownBy(() -> read("{\"version\": \"1.1\", \"articles\": []}", OnError.FAIL,
        InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage("squad.json:1: field \"articles\" is not a SQuAD field; a SQuAD file has "
            + "\"version\" and a \"data\" list");
  }
}
