package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.format.Format;
import dev.ragft.finetune.format.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code ragft ft} commands through the real command line, with their exit codes. */
class FtCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = Ragft.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @BeforeEach
  void writeFiles() throws Exception {
    StringBuilder curated = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      curated.append("{\"id\":\"q").append(i).append("\",\"prompt\":\"Question ").append(i)
          .append(" about subject ").append((char) ('a' + i)).append("?\",\"completion\":\"Answer ")
          .append(i).append(".\"}\n");
    }
    Files.writeString(dir.resolve("curated.jsonl"), curated);
    Files.writeString(dir.resolve("extra.jsonl"),
        "{\"id\":\"x1\",\"question\":\"Can I return opened software?\",\"ideal_answer\":\"No.\"}\n");
    Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"c1\",\"prompt\":\"Where is my parcel?\"}\n");
    Files.writeString(dir.resolve("build.yaml"), """
        sources:
          - id: curated
            path: curated.jsonl
          - id: extra
            kind: corrections
            path: extra.jsonl
        eval_cases: [cases.jsonl]
        formats: [openai]
        model:
          base_model: gpt-4o-mini-2024-07-18
        output: out
        """);
  }

  @Test
  void ft_without_a_subcommand_is_a_usage_error() {
    assertThat(run("ft")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("ragft: choose a subcommand: build, validate,"
        + " export, estimate, forget, submit, status, cancel, list\n");
  }

  @Test
  void build_then_export_and_estimate_the_training_set() {
    assertThat(run("ft", "build", "--config", dir.resolve("build.yaml").toString()))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("built 14 training and 1 validation examples in ")
        .contains("manifest sha256 ").contains("estimate: ");

    Path sharegpt = dir.resolve("train.sharegpt.jsonl");
    assertThat(run("ft", "export", "--format", "sharegpt", "--input",
        dir.resolve("out/train.ragft.jsonl").toString(), "--output", sharegpt.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(Validator.validate(sharegpt, Format.SHAREGPT).ok()).isTrue();
    assertThat(out.toString()).contains("wrote 14 examples to " + sharegpt + " as sharegpt (0 skipped");

    assertThat(run("ft", "estimate", "--input", dir.resolve("out/train.openai.jsonl").toString(),
        "--input-format", "openai", "--model", "gpt-4o-mini-2024-07-18")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("tokens (o200k_base): 14 examples")
        .contains("epochs: 7 (automatic)").contains("cost: USD ");
  }

  @Test
  void validate_prints_each_violation_and_fails_the_gate() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");

    assertThat(run("ft", "validate", "--format", "openai", file.toString())).isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(out.toString()).isEqualTo("""
        bad.jsonl:1: "messages" has no assistant message to train on
        bad.jsonl: has 1 example; openai needs at least 10
        bad.jsonl: 1 examples, 2 violations of openai rules
        """);
  }

  @Test
  void validate_passes_a_clean_file_and_checks_tokens_for_a_model() throws Exception {
    Path file = dir.resolve("good.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      lines.append("{\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"},"
          + "{\"role\":\"assistant\",\"content\":\"hi\"}]}\n");
    }
    Files.writeString(file, lines);

    assertThat(run("ft", "validate", "--format", "fireworks", file.toString())).isEqualTo(ExitCodes.OK);
    assertThat(run("ft", "validate", "--format", "fireworks", "--tokenizer", "cl100k_base",
        "--max-tokens", "2", file.toString())).isEqualTo(ExitCodes.GATE_FAILED);
    // contents only without a known model: "hello world" (2) + "hi" (1)
    assertThat(out.toString()).contains(
        "good.jsonl:1: has 3 tokens, over the 2 that cl100k_base trains on per example");
  }

  @Test
  void an_unknown_format_is_a_usage_error_and_a_missing_file_a_runtime_error() {
    assertThat(run("ft", "validate", "--format", "jsonx", "x.jsonl")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown format \"jsonx\"; known formats: openai, openai-dpo,");
    assertThat(run("ft", "validate", "--format", "openai", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(err.toString()).contains("missing.jsonl: cannot be read: ");
  }

  @Test
  void leakage_stops_the_build_with_exit_1_unless_allowed() throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"c1\",\"prompt\":\"question 3 about subject d\"}\n");

    assertThat(run("ft", "build", "--config", dir.resolve("build.yaml").toString()))
        .isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(err.toString()).contains("curated/q3 ~ c1 (exact)");
    assertThat(run("ft", "build", "--config", dir.resolve("build.yaml").toString(), "--allow-leakage"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("leakage (allowed): curated/q3 ~ c1 (exact)");
  }

  @Test
  void forget_rebuilds_without_the_source_and_says_when_no_registered_model_used_it() {
    assertThat(run("ft", "build", "--config", dir.resolve("build.yaml").toString())).isEqualTo(ExitCodes.OK);

    assertThat(run("ft", "forget", "--config", dir.resolve("build.yaml").toString(), "--source", "extra",
        "--registry", dir.resolve("empty-registry").toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("rebuilt without extra: ")
        .contains("earlier manifests that held it: ")
        .contains("no registered fine-tuned model was trained on data that held it");
  }
}
