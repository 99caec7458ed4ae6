package dev.ragft.finetune.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.finetune.teacher.TeacherFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ft build} with a real teacher model: stories260K, in process through llama.cpp, asked for
 * question/answer pairs over a chunked corpus. Its replies are children's stories, never JSON, so
 * every chunk is listed as unusable in the report while the build goes on with its other sources;
 * two builds from scratch give the same replies and the same report, and a rebuild replays the
 * reply cache without opening the model.
 */
class TeacherModelBuildTest {

  @TempDir
  Path dir;

  private static Path stories() {
    Path model = Path.of(System.getProperty("ragft.shared.dir", "../shared"), "models",
        "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model),
        "skipped: " + model + " is absent (set -Dragft.shared.dir to the shared test folder)");
    return model;
  }

  private Path project(String name, Path model) throws Exception {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/returns.md"), """
        # Returns

        Damaged items can be returned within 30 days of delivery.

        # Refunds

        Refunds reach the original card within five working days.
        """);
    Files.writeString(root.resolve("docs/shipping.md"), """
        # Shipping

        Orders ship within two working days from the Leeds warehouse.
        """);
    Files.writeString(root.resolve("curated.jsonl"),
        "{\"id\": \"c1\", \"prompt\": \"Hi\", \"completion\": \"Hello!\"}\n");
    Files.writeString(root.resolve("teacher.yaml"), """
        provider: llamacpp
        model: %s
        contextSize: 1024
        threads: 1
        maxTokens: 32
        cache: "off"
        """.formatted(model.toAbsolutePath()));
    Files.writeString(root.resolve("build.yaml"), """
        sources:
          - id: curated
            path: curated.jsonl
          - id: teacher
            kind: teacher
            corpus: [docs]
            chunking: {type: markdown, size: 64}
            outputs: teacher-outputs.jsonl
            model: teacher.yaml
            questions_per_chunk: 2
        split: {validation_fraction: 0.0}
        formats: [trl]
        output: out
        """);
    return root.resolve("build.yaml");
  }

  @Test
  void unusable_teacher_replies_are_reported_deterministically_and_replayed_from_the_cache()
      throws Exception {
    Path model = stories();
    Path first = project("first", model);
    Path second = project("second", model);

    BuildResult a = TrainingSetBuilder.build(first, TrainingSetBuilder.Options.NONE);
    BuildResult b = TrainingSetBuilder.build(second, TrainingSetBuilder.Options.NONE);

    Path cache = first.resolveSibling("teacher-outputs.jsonl");
    assertThat(TeacherFiles.readOutputs(cache)).hasSize(3).containsOnlyKeys("returns.md#0",
        "returns.md#1", "shipping.md#0");
    assertThat(Files.readAllBytes(cache))
        .isEqualTo(Files.readAllBytes(second.resolveSibling("teacher-outputs.jsonl")));
    assertThat(a.train()).isEqualTo(1);
    JsonNode unparsable = a.report().get("teacher_unparsable");
    assertThat(unparsable).hasSizeGreaterThanOrEqualTo(3);
    assertThat(unparsable).extracting(u -> u.get("chunk").asText())
        .contains("returns.md#0", "returns.md#1", "shipping.md#0");
    assertThat(unparsable).allMatch(u -> u.get("source").asText().equals("teacher")
        && u.get("problem").asText().startsWith("teacher output for chunk "
            + u.get("chunk").asText()));
    assertThat(Files.readAllBytes(first.resolveSibling("out/build-report.json")))
        .isEqualTo(Files.readAllBytes(second.resolveSibling("out/build-report.json")));
    assertThat(a.manifest().sha256()).isEqualTo(b.manifest().sha256());

    Files.writeString(first.resolveSibling("teacher.yaml"), """
        provider: llamacpp
        model: missing.gguf
        cache: "off"
        """);
    BuildResult replayed = TrainingSetBuilder.build(first, TrainingSetBuilder.Options.NONE);
    assertThat(replayed.manifest().sha256()).isEqualTo(a.manifest().sha256());
  }
}
