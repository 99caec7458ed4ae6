package dev.ragft.finetune.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.finetune.example.ExampleFiles;
import dev.ragft.finetune.example.ExampleJson;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTest {

  @TempDir
  Path dir;

  private SourceFile file(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
    return SourceFile.of(name, dir, "build.yaml", "sources[x].path");
  }

  @Test
  void curated_lines_read_chat_and_prompt_completion_with_ids_labels_and_provenance() throws Exception {
    SourceFile curated = file("curated.jsonl", """
        {"id":"a","category":"tone","messages":[{"role":"system","content":"S"},{"role":"user","content":"Q1"},{"role":"assistant","content":"A1"},{"role":"user","content":"Q2"},{"role":"assistant","content":"A2"}]}
        {"prompt":"P","completion":"C"}
        """);

    List<TrainingExample> examples = CuratedSource.read("cur", curated, "MIT", "default");

    assertThat(examples).hasSize(2);
    TrainingExample first = examples.get(0);
    assertThat(first.id()).isEqualTo("cur/a");
    assertThat(first.system()).isEqualTo("S");
    assertThat(first.turns()).containsExactly(Turn.user("Q1"), Turn.assistant("A1"), Turn.user("Q2"));
    assertThat(first.target()).isEqualTo("A2");
    assertThat(first.label()).isEqualTo("tone");
    assertThat(first.provenance().line()).isEqualTo(1);
    assertThat(first.provenance().licence()).isEqualTo("MIT");
    assertThat(first.provenance().sourceSha256()).isEqualTo(curated.sha256());
    assertThat(examples.get(1).id()).isEqualTo("cur/L2");
    assertThat(examples.get(1).label()).isEqualTo("default");
  }

  @Test
  void a_curated_line_without_a_conversation_names_its_line() throws Exception {
    SourceFile curated = file("curated.jsonl", "{\"prompt\":\"P\",\"completion\":\"C\"}\n{\"text\":\"T\"}\n");

    assertThatThrownBy(() -> CuratedSource.read("cur", curated, null, "l"))
        .isInstanceOf(InputException.class)
        .hasMessage("curated.jsonl:2: needs \"messages\", or \"prompt\" and \"completion\"");
  }

  @Test
  void corrections_become_preference_pairs_when_they_carry_the_failing_answer() throws Exception {
    SourceFile fixes = file("fixes.jsonl", """
        {"id":"f1","question":"Q","ideal_answer":"Good","rejected_answer":"Bad","label":"policy"}
        {"id":"f2","messages":[{"role":"system","content":"S"},{"role":"user","content":"Q2"}],"ideal_answer":"Good2"}
        """);

    List<TrainingExample> examples = CorrectionSource.read("fix", fixes, null, "corrections");

    assertThat(examples.get(0).isPreferencePair()).isTrue();
    assertThat(examples.get(0).rejected()).isEqualTo("Bad");
    assertThat(examples.get(0).label()).isEqualTo("policy");
    assertThat(examples.get(1).system()).isEqualTo("S");
    assertThat(examples.get(1).isPreferencePair()).isFalse();
    assertThat(examples.get(1).provenance().builder()).isEqualTo("corrections");
  }

  @Test
  void a_correction_without_its_ideal_answer_names_line_and_field() throws Exception {
    SourceFile fixes = file("fixes.jsonl", "{\"id\":\"f1\",\"question\":\"Q\"}\n");

    assertThatThrownBy(() -> CorrectionSource.read("fix", fixes, null, "x"))
        .isInstanceOf(InputException.class)
        .hasMessage("fixes.jsonl:1: field \"ideal_answer\" is missing");
  }

  @Test
  void ragft_example_files_round_trip_every_field() throws Exception {
    SourceFile fixes = file("fixes.jsonl",
        "{\"id\":\"f1\",\"question\":\"Q\",\"ideal_answer\":\"Good\",\"rejected_answer\":\"Bad\"}\n");
    List<TrainingExample> examples = CorrectionSource.read("fix", fixes, "CC0-1.0", "x");
    Path out = dir.resolve("set.ragft.jsonl");
    Files.write(out, ExampleFiles.encode(examples));

    assertThat(ExampleFiles.read(out)).isEqualTo(examples);
    assertThat(ExampleJson.write(examples.get(0)).toString()).isEqualTo("{\"id\":\"fix/f1\","
        + "\"turns\":[{\"role\":\"user\",\"content\":\"Q\"}],\"target\":\"Good\",\"weight\":1.0,"
        + "\"rejected\":\"Bad\",\"label\":\"x\",\"provenance\":{\"source\":\"fix\",\"file\":\"fixes.jsonl\","
        + "\"line\":1,\"sha256\":\"" + fixes.sha256() + "\",\"builder\":\"corrections\",\"licence\":\"CC0-1.0\"}}");
  }
}
