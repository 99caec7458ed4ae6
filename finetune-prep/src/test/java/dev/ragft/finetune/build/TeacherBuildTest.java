package dev.ragft.finetune.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.finetune.teacher.TeacherChunk;
import dev.ragft.finetune.teacher.TeacherCorpus;
import dev.ragft.finetune.teacher.TeacherFiles;
import dev.ragft.finetune.teacher.TeacherOutput;
import dev.ragft.finetune.teacher.TeacherPrompts;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher source over a corpus: the retrieval pipeline loads and chunks the documents, cached
 * replies become plain and retrieval-aware examples, a reply that holds no usable pair is listed
 * in the report instead of stopping the build, and a missing reply without a teacher model says
 * how to get one.
 */
class TeacherBuildTest {

  @TempDir
  Path dir;

  @BeforeEach
  void writeCorpus() throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/returns.md"), """
        # Returns

        Damaged items can be returned within 30 days of delivery.
        """);
    Files.writeString(dir.resolve("docs/shipping.md"), """
        # Shipping

        Orders ship within two working days from the Leeds warehouse.
        """);
    Files.writeString(dir.resolve("build.yaml"), """
        sources:
          - id: teacher
            kind: teacher
            corpus: [docs]
            chunking: {type: document}
            outputs: teacher-outputs.jsonl
            questions_per_chunk: 1
            distractors: 1
        split: {validation_fraction: 0.0}
        formats: [trl]
        output: out
        """);
  }

  @Test
  void cached_replies_over_a_chunked_corpus_become_examples_and_unusable_ones_are_reported()
      throws Exception {
    List<TeacherChunk> chunks = TeacherCorpus.load(List.of(dir.resolve("docs")),
        ChunkerConfig.builder().type(ChunkerType.DOCUMENT).build()).chunks();
    assertThat(chunks).extracting(TeacherChunk::id).containsExactly("returns.md#0", "shipping.md#0");
    Path cache = dir.resolve("teacher-outputs.jsonl");
    TeacherFiles.append(cache, new TeacherOutput("returns.md#0",
        TeacherPrompts.fingerprint(TeacherPrompts.questionPrompt(chunks.get(0), 1)),
        "Sure! Here you go:\n{\"question\": \"How long can damaged items be returned?\","
            + " \"answer\": \"Within 30 days of delivery.\"}"));
    TeacherFiles.append(cache, new TeacherOutput("shipping.md#0",
        TeacherPrompts.fingerprint(TeacherPrompts.questionPrompt(chunks.get(1), 1)),
        "Once upon a time there was a box.\n{\"question\": \"When?\"}"));

    BuildResult result = TrainingSetBuilder.build(dir.resolve("build.yaml"),
        TrainingSetBuilder.Options.NONE);

    assertThat(result.train()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("out/train.ragft.jsonl")))
        .contains("How long can damaged items be returned?")
        .contains("[1] # Returns\\n\\nDamaged items can be returned within 30 days of delivery.")
        .contains("\"target\":\"Within 30 days of delivery. [1]\"");
    JsonNode unparsable = result.report().get("teacher_unparsable");
    assertThat(unparsable).hasSize(1);
    assertThat(unparsable.get(0).toString()).isEqualTo("{\"source\":\"teacher\",\"chunk\":"
        + "\"shipping.md#0\",\"problem\":\"teacher output for chunk shipping.md#0:2: field \\\"answer\\\""
        + " is missing or empty\"}");
    JsonNode files = result.manifest().json().at("/sources/0/files");
    assertThat(files.get(0).get("path").asText()).isEqualTo("docs/returns.md");
    assertThat(files.get(0).get("sha256").asText())
        .isEqualTo(Hashes.sha256(dir.resolve("docs/returns.md")));
    assertThat(files.get(2).get("path").asText()).isEqualTo("teacher-outputs.jsonl");
  }

  @Test
  void a_missing_reply_without_a_teacher_model_says_how_to_get_it() throws Exception {
    Files.writeString(dir.resolve("teacher-outputs.jsonl"), "");
    assertThatThrownBy(() -> TrainingSetBuilder.build(dir.resolve("build.yaml"),
        TrainingSetBuilder.Options.NONE))
        .isInstanceOf(InputException.class)
        .hasMessage("teacher-outputs.jsonl: has no reply for chunk returns.md#0 made with the current"
            + " prompt; name a teacher model (the source's \"model\") to generate it, or run the"
            + " teacher generation first");
  }
}
