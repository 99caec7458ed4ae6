package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code ragft demo} options are usage errors that name the option, before any work. */
class DemoCommandTest {

  @TempDir
  Path dir;

  @Test
  void cases_must_be_a_number_of_at_least_four_or_all() {
    CommandRunner.Result words = CommandRunner.run("demo", "--out", dir.toString(), "--cases",
        "some");
    CommandRunner.Result few = CommandRunner.run("demo", "--out", dir.toString(), "--cases",
        "2");

    assertThat(words.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(words.err()).startsWith("ragft: --cases must be a whole number or all, but is:"
        + " some\n");
    assertThat(few.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(few.err()).startsWith("ragft: cases must be >= 4 (one per category), but is: 2\n");
  }

  @Test
  void remote_options_are_checked_against_the_provider() {
    CommandRunner.Result local = CommandRunner.run("demo", "--out", dir.toString(),
        "--finetuned-model", "ft:gpt-4o-mini:acme");
    CommandRunner.Result unnamed = CommandRunner.run("demo", "--out", dir.toString(),
        "--provider", "ollama");
    CommandRunner.Result unknown = CommandRunner.run("demo", "--out", dir.toString(),
        "--provider", "bedrock");

    assertThat(local.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(local.err()).startsWith("ragft: --finetuned-model names a model fine-tuned at a"
        + " remote provider; with llamacpp the demo fine-tunes the base model itself\n");
    assertThat(unnamed.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unnamed.err()).startsWith("ragft: the ollama base model needs a model name"
        + " (--model)\n");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("ragft: provider must be llamacpp, openai-compatible or"
        + " ollama, but is: bedrock\n");
    assertThat(dir).isEmptyDirectory();
  }
}
