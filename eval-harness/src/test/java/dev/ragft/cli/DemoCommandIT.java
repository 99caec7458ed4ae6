package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.datasets.scenario.ChangedFact;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.SetupInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ragft demo} end to end with the real stories260K smoke model: index, training set, local
 * LoRA fine-tuning, both evaluations, freshness, reports; then the same command again, which
 * finds every step done and writes the same reports.
 */
class DemoCommandIT {

  @TempDir
  Path dir;

  @Test
  void the_demo_runs_end_to_end_with_the_smoke_model_and_says_its_answers_mean_nothing()
      throws Exception {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "system property ragft.shared.dir is not set");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "the shared test model is absent: " + model);
    Path out = dir.resolve("demo");
    String[] args = {"demo", "--model", model.toString(), "--out", out.toString(), "--cases",
        "4", "--train-steps", "2", "--max-tokens", "12", "--threads", "2", "--quiet"};

    CommandRunner.Result first = CommandRunner.run(args);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
    String text = first.out();
    assertThat(text).contains("WARNING: stories260K is a smoke model. It shows that every step"
        + " runs end to end; its answers mean nothing")
        .contains("[1/6] Indexing corpus v1")
        .contains("  48 documents read: 48 indexed")
        .contains("the leakage guard found 0 overlaps with the 149 failure cases")
        .contains("training finished after step 2 of 2")
        .contains("[5/6] Updating the index to corpus v2")
        .contains("  54 documents read: 24 indexed (26 chunks), 30 unchanged, 0 deleted")
        .contains("Reminder: stories260K is a smoke model; these numbers mean nothing.");
    List<String> lines = text.lines().toList();
    Path reportAfter = out.resolve("runs/v2/report.html");
    assertThat(lines.getLast()).isEqualTo("Report (corpus v2): " + reportAfter);
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo("Report (corpus v1): " + out.resolve("runs/v1/report.html"));
    assertThat(reportAfter).isRegularFile();
    assertThat(Files.readString(out.resolve("summary.md"))).isEqualTo("```\n" + text + "```\n");

    RunResult before = RunResultJson.read(out.resolve("runs/v1"));
    RunResult after = RunResultJson.read(out.resolve("runs/v2"));
    for (RunResult run : List.of(before, after)) {
      assertThat(run.setups()).extracting(SetupInfo::id)
          .containsExactly("baseline", "rag", "finetuned", "hybrid", "oracle");
      assertThat(run.cases()).hasSize(4);
      assertThat(run.results()).hasSize(20);
    }
    // Three cases hold in both versions and are asked twice; each version adds one of its own.
    assertThat(after.cases().stream().filter(c -> c.id().endsWith("-v2")).count()).isEqualTo(1);
    assertThat(before.cases().stream().filter(c -> c.id().endsWith("-v1")).count()).isEqualTo(1);
    // Retrieval follows the updated index: no passage of the v2 run states a value its own
    // document had in v1 only (release notes may name old values; their facts did not change).
    List<ChangedFact> changed = Scenarios.demo().changedFacts();
    int checked = 0;
    for (CaseResult rag : after.resultsOf("rag")) {
      assertThat(rag.context()).isNotEmpty();
      for (Passage passage : rag.context()) {
        for (ChangedFact fact : changed) {
          if (fact.docId().equals(passage.docId())) {
            assertThat(passage.text()).as(passage.docId()).doesNotContain(fact.oldValue());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(text).containsPattern("  rag +\\d/1 +\\d / \\d +0 / \\d of 1");
    assertThat(Files.readString(out.resolve("eval-v2.yaml")))
        .contains("registered:\n  finetuned: {job: \"ft-");

    String reportBefore = Files.readString(out.resolve("runs/v2/report.md"));
    CommandRunner.Result again = CommandRunner.run(args);

    assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("  48 documents read: 18 indexed (20 chunks), 30 unchanged, 6 deleted")
        .contains("training finished after step 2 of 2");
    assertThat(Files.readString(out.resolve("runs/v2/report.md"))).isEqualTo(reportBefore);
  }
}
