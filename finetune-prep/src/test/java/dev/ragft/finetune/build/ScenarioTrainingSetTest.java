package dev.ragft.finetune.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.source.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled behaviour training set of the demo scenario, built as a library call: the leakage
 * guard passes against every scenario case, every written file passes its format's rules, the
 * manifest names the scenario's data by hash, and the written-out configuration builds the same
 * bytes again.
 */
class ScenarioTrainingSetTest {

  @TempDir
  Path dir;

  @Test
  void the_demo_behaviour_set_builds_without_leakage_into_valid_files() throws Exception {
    Scenario demo = Scenarios.demo();

    BuildResult result = ScenarioTrainingSets.buildDemo(dir.resolve("a"));

    JsonNode report = result.report();
    int duplicates = report.get("duplicates_removed").size();
    assertThat(result.leakage()).isEmpty();
    assertThat(report.get("leakage_pairs")).isEmpty();
    assertThat(result.train() + result.validation() + duplicates)
        .isEqualTo(demo.trainingExamples().size());
    assertThat(result.validation()).isEqualTo(Math.round((result.train() + result.validation())
        * 0.1));
    assertThat(result.validations()).extracting(ValidationReport::source).containsExactly(
        "train.openai.jsonl", "validation.openai.jsonl", "train.openai-dpo.jsonl",
        "validation.openai-dpo.jsonl", "train.trl.jsonl", "validation.trl.jsonl");
    assertThat(result.validations()).allMatch(ValidationReport::ok);
    JsonNode manifest = result.manifest().json();
    assertThat(manifest.at("/counts/preference_pairs").asLong()).isPositive();
    assertThat(manifest.at("/sources/0/files/0/path").asText())
        .isEqualTo("scenario:wrenbolt/training-examples");
    assertThat(manifest.at("/sources/0/files/0/sha256").asText())
        .isEqualTo(ScenarioSource.examplesSha256(demo));
    assertThat(manifest.at("/eval_cases/0/path").asText()).isEqualTo("scenario:wrenbolt");
    assertThat(manifest.at("/eval_cases/0/cases").asInt()).isEqualTo(demo.cases().size());

    Path config = ScenarioTrainingSets.writeConfig(Scenarios.DEMO,
        dir.resolve("c/wrenbolt-behaviour.yaml"));
    BuildResult fromFile = TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE);
    assertThat(fromFile.manifest().sha256()).isEqualTo(result.manifest().sha256());
    assertThat(Files.readAllBytes(dir.resolve("c/train.trl.jsonl")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a/train.trl.jsonl")));
  }

  @Test
  void an_unknown_scenario_is_named_with_the_bundled_ones() throws Exception {
    Path config = dir.resolve("build.yaml");
    Files.writeString(config, """
        sources:
          - id: demo
            kind: scenario
            scenario: nowhere
        """);
    assertThatThrownBy(() -> TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE))
        .isInstanceOf(InputException.class)
        .hasMessage("build.yaml: field \"sources[demo].scenario\" names no bundled scenario"
            + " (\"nowhere\"); the bundled scenarios are: wrenbolt");
    Files.writeString(config, """
        sources:
          - id: demo
            kind: scenario
        """);
    assertThatThrownBy(() -> TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE))
        .isInstanceOf(InputException.class)
        .hasMessage("build.yaml:4: field \"sources[0]\" scenario source demo needs \"scenario\","
            + " the name of a bundled scenario");
  }
}
