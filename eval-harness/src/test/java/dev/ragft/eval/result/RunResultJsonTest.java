package dev.ragft.eval.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import dev.ragft.eval.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {

  @Test
  void a_run_round_trips_to_the_same_bytes(@TempDir Path dir) throws Exception {
    RunResult run = TestRuns.builder(4).add("a", "KPBPX").add("b", "PRPGP").secondSample("b", "KPPPP")
        .build();
    String json = RunResultJson.toJson(run);
    Files.writeString(dir.resolve("result.json"), json);
    RunResult back = RunResultJson.read(dir);
    assertThat(back).isEqualTo(run);
    assertThat(RunResultJson.toJson(back)).isEqualTo(json);
    assertThat(json).contains("\"outcome\" : \"fail\"").contains("\"label\" : \"GROUNDING\"")
        .endsWith("}\n");
  }

  @Test
  void a_missing_field_names_its_line_and_path(@TempDir Path dir) throws Exception {
    String json = RunResultJson.toJson(TestRuns.builder(1, List.of("baseline")).add("a", "P").build())
        .replace("\"runId\" : \"run-1\",\n", "");
    Path file = dir.resolve("r.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> RunResultJson.read(file)).isInstanceOf(InputException.class)
        .hasMessageMatching(Pattern.quote(file.toString()) + ":\\d+: field \"info\" is invalid: runId");
  }

  @Test
  void not_json_is_reported_with_its_line(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, "{\n  \"info\": ,\n}");
    assertThatThrownBy(() -> RunResultJson.read(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2: is not valid JSON: Unexpected character (',' ");
  }

  @Test
  void case_info_turns_required_facts_into_patterns() {
    FailureCase failureCase = FailureCase.builder("c", Category.KNOWLEDGE, new Prompt.Question("How long?"))
        .referenceAnswer("Thirty days.")
        .requiredFact(RequiredFact.contains("30  days"))
        .requiredFact(new RequiredFact(TextMatch.Matches.of("(?i)per\\s+technician"), Optional.empty()))
        .goldDocIds(List.of("refunds")).build();
    CaseInfo info = CaseInfo.of(failureCase);
    assertThat(info.factPatterns()).containsExactly("(?iu)\\Q30\\E\\s+\\Qdays\\E", "(?i)per\\s+technician");
    assertThat(Pattern.compile(info.factPatterns().getFirst()).matcher("within 30\n DAYS").find()).isTrue();
    assertThat(info.reference()).isEqualTo("Thirty days.");
    assertThat(info.category()).isEqualTo("knowledge");
  }
}
