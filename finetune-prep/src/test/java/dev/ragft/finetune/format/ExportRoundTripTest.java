package dev.ragft.finetune.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportRoundTripTest {

  @TempDir
  Path dir;

  /** Examples every format can carry: as many as the provider's minimum, some multi-turn. */
  static List<TrainingExample> examplesFor(Format format) {
    int count = Math.max(format.rules().minExamples(), 4);
    boolean singleTurnOnly = format == Format.TOGETHER_INSTRUCTION;
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Turn> turns = singleTurnOnly || i % 2 == 1
          ? List.of(Turn.user("Question " + i + ": what does café ✓ mean?"))
          : List.of(Turn.user("First question " + i), Turn.assistant("First answer " + i),
              Turn.user("Follow-up " + i + "?"));
      String system = singleTurnOnly ? null : "You answer in one sentence.";
      double weight = format == Format.FIREWORKS ? 0.5 * i : 1.0;
      String rejected = format.isPreference() ? "A worse answer " + i : null;
      examples.add(new TrainingExample("ex-" + i, system, turns, "Answer " + i + " — «quoted»",
          weight, rejected, "", Fixtures.ORIGIN));
    }
    return examples;
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void export_then_validate_passes_and_reads_back_equal(Format format) {
    List<TrainingExample> examples = examplesFor(format);
    Path file = dir.resolve("out." + format.cliName() + ".jsonl");

    ExportResult result = Exporter.export(examples, format, file);
    ValidationReport report = Validator.validate(file, format);
    List<TrainingExample> back = FormatReader.read(file, format);

    assertThat(result.written()).isEqualTo(examples.size());
    assertThat(result.skipped()).isEmpty();
    assertThat(report.violations()).isEmpty();
    assertThat(back).hasSameSizeAs(examples);
    for (int i = 0; i < examples.size(); i++) {
      assertThat(back.get(i).content()).isEqualTo(examples.get(i).content());
    }
  }

  @Test
  void openai_export_writes_weight_zero_on_context_turns_and_one_on_the_target() throws Exception {
    TrainingExample example = new TrainingExample("m", null,
        List.of(Turn.user("a"), Turn.assistant("b"), Turn.user("c")), "d", 1.0, null, "",
        Fixtures.ORIGIN);
    Path file = dir.resolve("m.jsonl");

    Exporter.export(List.of(example), Format.OPENAI_CHAT, file);

    assertThat(Files.readString(file)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
        + "{\"role\":\"assistant\",\"content\":\"b\",\"weight\":0},{\"role\":\"user\",\"content\":\"c\"},"
        + "{\"role\":\"assistant\",\"content\":\"d\",\"weight\":1}]}\n");
  }

  @Test
  void a_weight_the_format_cannot_carry_fails_naming_the_example() {
    TrainingExample heavy = new TrainingExample("heavy", null, List.of(Turn.user("q")), "a", 2.5,
        null, "", Fixtures.ORIGIN);

    assertThatThrownBy(() -> Exporter.encode(List.of(heavy), Format.OPENAI_CHAT))
        .isInstanceOf(RagftException.class)
        .hasMessage("example heavy has weight 2.5, but openai only carries the weights 0 and 1.");
    assertThatThrownBy(() -> Exporter.encode(List.of(heavy), Format.SHAREGPT))
        .hasMessage("example heavy has weight 2.5, but sharegpt has no weights; only weight 1 can be exported.");
  }

  @Test
  void instruction_format_refuses_multi_turn_examples() {
    TrainingExample multi = new TrainingExample("multi", null,
        List.of(Turn.user("a"), Turn.assistant("b"), Turn.user("c")), "d", 1.0, null, "",
        Fixtures.ORIGIN);

    assertThatThrownBy(() -> Exporter.encode(List.of(multi), Format.TOGETHER_INSTRUCTION))
        .hasMessage("example multi has 3 turns, but together-instruction carries one prompt and one completion.");
  }

  @Test
  void preference_formats_skip_examples_without_a_rejected_answer() {
    List<TrainingExample> mixed = List.of(Fixtures.example("plain", "q", "a"),
        new TrainingExample("pair", null, List.of(Turn.user("q2")), "good", 1.0, "bad", "",
            Fixtures.ORIGIN));

    Exporter.Encoded encoded = Exporter.encode(mixed, Format.OPENAI_DPO);

    assertThat(encoded.written()).isEqualTo(1);
    assertThat(encoded.skipped()).containsExactly("plain");
  }

  @Test
  void identical_examples_give_identical_bytes() {
    byte[] first = Exporter.encode(examplesFor(Format.MISTRAL), Format.MISTRAL).bytes();
    byte[] second = Exporter.encode(examplesFor(Format.MISTRAL), Format.MISTRAL).bytes();

    assertThat(first).isEqualTo(second);
  }
}
