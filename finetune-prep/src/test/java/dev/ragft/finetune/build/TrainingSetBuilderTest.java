package dev.ragft.finetune.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.finetune.example.ExampleFiles;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.format.ValidationReport;
import dev.ragft.finetune.format.Violation;
import dev.ragft.finetune.leakage.LeakageException;
import dev.ragft.finetune.leakage.LeakagePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetBuilderTest {

  @TempDir
  Path dir;

  @Test
  void a_build_cleans_splits_exports_validates_and_counts() throws Exception {
    Path config = BuildFixture.write(dir, "openai, trl, sharegpt, openai-dpo", BuildFixture.CASES);

    BuildResult result = TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE);

    JsonNode counts = result.manifest().json().get("counts");
    // 12 curated + 3 corrections + 3 teacher pairs × (plain + retrieval-aware) = 21; one duplicate
    assertThat(counts.get("loaded").asInt()).isEqualTo(21);
    assertThat(counts.get("duplicates_removed").asInt()).isEqualTo(1);
    assertThat(counts.get("pii_findings").asInt()).isEqualTo(1);
    assertThat(result.train() + result.validation()).isEqualTo(20);
    assertThat(result.report().get("duplicates_removed").get(0).get("removed").asText())
        .isEqualTo("curated/dup");
    List<TrainingExample> train = ExampleFiles.read(dir.resolve("out/train.ragft.jsonl"));
    assertThat(train).allSatisfy(e -> assertThat(e.system()).isNotNull());
    List<TrainingExample> all = new java.util.ArrayList<>(train);
    all.addAll(ExampleFiles.read(dir.resolve("out/validation.ragft.jsonl")));
    assertThat(all).filteredOn(e -> e.id().equals("curated/pii"))
        .extracting(TrainingExample::target).containsExactly("Write to [EMAIL].");
    assertThat(train).filteredOn(e -> e.provenance().builder().equals("teacher-retrieval")).isNotEmpty();
    assertThat(result.validations()).extracting(ValidationReport::source).containsExactly(
        "train.openai.jsonl", "validation.openai.jsonl", "train.trl.jsonl", "validation.trl.jsonl",
        "train.sharegpt.jsonl", "validation.sharegpt.jsonl", "train.openai-dpo.jsonl",
        "validation.openai-dpo.jsonl");
    assertThat(result.validations().get(0).violations()).isEmpty();
    assertThat(result.validations().get(1).violations()).as("no minimum count for held-out files").isEmpty();
    assertThat(result.validations().get(6).violations()).extracting(Violation::toString)
        .containsExactly("train.openai-dpo.jsonl: has 2 examples; openai-dpo needs at least 10");
    assertThat(result.costEstimate()).isPresent();
    assertThat(result.cost().epochs()).isEqualTo(100 / result.train());
    assertThat(result.manifest().json().get("tokens").get("tokenizer").asText()).isEqualTo("o200k_base");
    assertThat(Files.exists(dir.resolve("out/manifests/" + result.manifest().sha256() + ".json"))).isTrue();
  }

  @Test
  void identical_inputs_give_byte_identical_manifests_and_outputs_anywhere() throws Exception {
    Path first = Files.createDirectories(dir.resolve("one"));
    Path second = Files.createDirectories(dir.resolve("two"));
    BuildResult a = TrainingSetBuilder.build(BuildFixture.write(first, "openai, alpaca", BuildFixture.CASES),
        TrainingSetBuilder.Options.NONE);
    BuildResult again = TrainingSetBuilder.build(first.resolve("build.yaml"), TrainingSetBuilder.Options.NONE);
    BuildResult b = TrainingSetBuilder.build(BuildFixture.write(second, "openai, alpaca", BuildFixture.CASES),
        TrainingSetBuilder.Options.NONE);

    byte[] manifest = Files.readAllBytes(first.resolve("out/manifest.json"));
    assertThat(again.manifest().bytes()).isEqualTo(manifest);
    assertThat(Files.readAllBytes(second.resolve("out/manifest.json"))).isEqualTo(manifest);
    assertThat(Files.readAllBytes(second.resolve("out/train.alpaca.jsonl")))
        .isEqualTo(Files.readAllBytes(first.resolve("out/train.alpaca.jsonl")));
    assertThat(Files.readAllBytes(second.resolve("out/build-report.json")))
        .isEqualTo(Files.readAllBytes(first.resolve("out/build-report.json")));
    assertThat(a.manifest().sha256()).isEqualTo(b.manifest().sha256());
    assertThat(new String(manifest)).doesNotContain(dir.toString());
  }

  @Test
  void training_on_an_evaluation_case_stops_the_build_unless_allowed() throws Exception {
    Path config = BuildFixture.write(dir, "openai",
        "{\"id\":\"case-9\",\"prompt\":\"Can I return OPENED software\"}\n");

    assertThatThrownBy(() -> TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE))
        .isInstanceOf(LeakageException.class)
        .hasMessage("the build stopped because 1 training example overlaps an evaluation case: "
            + "corrections/f1 ~ case-9 (exact); remove them or set leakage.allow: true.");
    assertThat(Files.exists(dir.resolve("out/manifest.json"))).isFalse();

    BuildResult allowed = TrainingSetBuilder.build(config, new TrainingSetBuilder.Options(Set.of(), true));
    assertThat(allowed.leakage()).containsExactly(new LeakagePair("corrections/f1", "case-9", true, 1.0, 1.0));
    assertThat(allowed.report().get("leakage_pairs").get(0).get("case").asText()).isEqualTo("case-9");
  }

  @Test
  void forget_rebuilds_without_the_source_and_lists_models_trained_on_it() throws Exception {
    Path config = BuildFixture.write(dir, "openai", BuildFixture.CASES);
    BuildResult before = TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE);
    String sha = before.manifest().sha256();
    TrainedModel model = new TrainedModel("openai", "ft:gpt-4o-mini:acme::abc", "job-1", sha);
    Map<String, List<TrainedModel>> registry = Map.of(sha, List.of(model));
    TrainedModelLookup lookup = hash -> registry.getOrDefault(hash, List.of());

    Forgetter.Result result = Forgetter.forget(config, "corrections", List.of(lookup));

    assertThat(result.manifestsWithSource()).containsExactly(sha);
    assertThat(result.models()).containsExactly(model);
    assertThat(result.rebuilt().manifest().sourceIds()).containsExactly("curated", "teacher");
    assertThat(result.rebuilt().manifest().json().get("settings").get("excluded_sources").get(0).asText())
        .isEqualTo("corrections");
    assertThat(ExampleFiles.read(dir.resolve("out/train.ragft.jsonl")))
        .noneMatch(e -> e.provenance().sourceId().equals("corrections"));
    assertThat(Manifest.read(dir.resolve("out/manifest.json")).holdsSource("corrections")).isFalse();
  }

  @Test
  void a_tokenizer_and_limit_without_a_base_model_check_tokens_and_skip_the_cost() throws Exception {
    Path config = BuildFixture.write(dir, "trl", BuildFixture.CASES);
    Files.writeString(config, Files.readString(config).replace(
        "  base_model: gpt-4o-mini-2024-07-18", "  tokenizer: cl100k_base\n  max_tokens_per_example: 12"));

    BuildResult result = TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE);

    assertThat(result.costEstimate()).isEmpty();
    assertThat(result.manifest().json().get("tokens").get("max_tokens_per_example").asInt()).isEqualTo(12);
    assertThat(result.truncationWarnings()).isNotEmpty()
        .allSatisfy(w -> assertThat(w).endsWith(" the base model trains on; it will be truncated"));
    assertThat(result.validations().get(0).violations()).extracting(Violation::rule)
        .isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith(" that cl100k_base trains on per example"));
  }

  @Test
  void an_unknown_configuration_key_names_the_file_line_and_field() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, """
        name: x
        sources:
          - id: curated
            path: curated.jsonl
        split:
          validation_share: 0.2
        """);

    assertThatThrownBy(() -> BuildConfig.load(config)).isInstanceOf(InputException.class)
        .hasMessage("bad.yaml:6: field \"split.validation_share\" is not a known setting; "
            + "known settings here: validation_fraction");
  }

  @Test
  void a_missing_source_file_names_the_configuration_field() throws Exception {
    Path config = dir.resolve("build.yaml");
    Files.writeString(config, """
        sources:
          - id: curated
            path: nowhere.jsonl
        """);

    assertThatThrownBy(() -> TrainingSetBuilder.build(config, TrainingSetBuilder.Options.NONE))
        .isInstanceOf(InputException.class)
        .hasMessage("build.yaml: field \"sources[curated].path\" names nowhere.jsonl, which does not exist");
  }
}
