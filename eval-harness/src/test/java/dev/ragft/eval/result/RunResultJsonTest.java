package dev.ragft.eval.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run result's JSON form is stable and reads back to an equal value. */
class RunResultJsonTest {

  static RunResult sample() {
    Passage passage = new Passage(1, "pricing-plans", "v2", "v2/pricing-plans.html", 0, 9,
        "Crew £34.", true);
    Sample pass = new Sample(0, "{\"answer\": \"£34\"}", new Verdict.Pass(),
        List.of(new Check(CheckKind.REQUIRED_FACT, "fact[0]", true, "states \"£34\"", true)),
        new Usage(120, 8, 0, 0.0, true));
    Sample fail = new Sample(0, "no idea", new Verdict.Fail("fact[0]: missing",
        FailureLabel.KNOWLEDGE), List.of(new Check(CheckKind.REQUIRED_FACT, "fact[0]", false,
        "missing", true)), new Usage(20, 3, 15, 0.000125, false));
    return new RunResult(
        new RunInfo("run-1", "scenario wrenbolt", "v2", 42, 1, 0.0, Map.of("smoke", "yes")),
        List.of(new SetupInfo("baseline", "llamacpp stories", "", "none", "support", false),
            new SetupInfo("rag", "llamacpp stories", "", "rag: bm25", "support", true)),
        List.of(new CaseInfo("k1", "knowledge", "How much?", "£34", List.of("pricing-plans"))),
        List.of(new CaseResult("k1", "rag", List.of(passage),
                Optional.of(new RetrievalScores(5, 1, 0.5, 0.63)), List.of(pass)),
            new CaseResult("k1", "baseline", List.of(), Optional.empty(), List.of(fail))));
  }

  @Test
  void a_result_reads_back_equal_and_writes_the_same_bytes(@TempDir Path dir) {
    RunResult result = sample();
    Path file = dir.resolve(RunResultJson.FILE);

    RunResultJson.write(result, file);
    RunResult back = RunResultJson.read(file);

    assertThat(back).isEqualTo(result);
    assertThat(RunResultJson.toJson(back)).isEqualTo(RunResultJson.toJson(result));
    assertThat(back.results().get(0).setupId()).isEqualTo("baseline");
  }

  @Test
  void verdicts_and_absent_scores_have_a_fixed_form() {
    String json = RunResultJson.toJson(sample());

    assertThat(json).contains("\"verdict\" : {\n            \"type\" : \"fail\",\n"
        + "            \"label\" : \"KNOWLEDGE\",\n            \"reason\" : \"fact[0]: missing\"")
        .contains("\"verdict\" : {\n            \"type\" : \"pass\"\n          }")
        .contains("\"retrieval\" : null")
        .doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void a_file_that_is_not_a_result_is_an_input_error() {
    assertThatThrownBy(() -> RunResultJson.fromJson("{\"info\": 3}", "x.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("x.json:1: is not a ragft run result: ");
  }
}
