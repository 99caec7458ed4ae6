package dev.ragft.finetune.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.token.ChatTokenFormula;
import dev.ragft.finetune.token.ExampleTokens;
import dev.ragft.finetune.token.JtokkitTokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {

  @TempDir
  Path dir;

  @Test
  void an_example_over_the_base_model_limit_is_reported_with_its_token_count() {
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(Fixtures.example("e" + i, "hello world", i == 3 ? "hello world ".repeat(20).strip() : "ok"));
    }
    Path file = dir.resolve("long.jsonl");
    Exporter.export(examples, Format.OPENAI_CHAT, file);
    ExampleTokens tokens = new ExampleTokens(JtokkitTokenCounter.of("cl100k_base"), ChatTokenFormula.OPENAI);

    ValidationReport report = Validator.validate(file, Format.OPENAI_CHAT,
        new Validator.TokenBudget(tokens, 30, "tiny-model"));

    // 3 (reply primer) + 3 + 2 ("hello world") + 3 + 40 (the repeated answer) = 51
    assertThat(report.violations()).extracting(Violation::toString)
        .containsExactly("long.jsonl:4: has 51 tokens, over the 30 that tiny-model trains on per example");
  }

  @Test
  void invalid_utf8_is_a_violation_of_its_line() throws Exception {
    Path file = dir.resolve("bytes.jsonl");
    byte[] good = "{\"prompt\":\"p\",\"completion\":\"c\"}\n".getBytes();
    byte[] bad = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
        '"', ',', '"', 'c', 'o', 'm', 'p', 'l', 'e', 't', 'i', 'o', 'n', '"', ':', '"', 'c', '"', '}', '\n'};
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    Files.write(file, all);

    ValidationReport report = Validator.validate(file, Format.ALPACA);

    assertThat(report.violations()).extracting(Violation::toString).containsExactly(
        "bytes.jsonl:1: \"instruction\" must be a non-empty string",
        "bytes.jsonl:1: \"output\" must be a non-empty string",
        "bytes.jsonl:2: has bytes that are not valid UTF-8",
        "bytes.jsonl:2: \"instruction\" must be a non-empty string",
        "bytes.jsonl:2: \"output\" must be a non-empty string");
  }
}
