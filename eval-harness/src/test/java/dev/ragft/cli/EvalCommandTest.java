package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft eval}: usage errors exit 2, bad configurations exit 3 with file:line. */
class EvalCommandTest {

  @TempDir
  Path dir;

  @Test
  void eval_needs_a_subcommand() {
    CommandRunner.Result result = CommandRunner.run("eval");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing subcommand: choose one of run, resume, report,"
        + " compare.");
  }

  @Test
  void a_missing_configuration_or_run_folder_is_a_usage_error() {
    CommandRunner.Result run = CommandRunner.run("eval", "run", "--config",
        dir.resolve("none.yaml").toString(), "--out", dir.resolve("out").toString());
    CommandRunner.Result resume = CommandRunner.run("eval", "resume", dir.toString());
    CommandRunner.Result cache = CommandRunner.run("eval", "resume", dir.toString(), "--cache",
        "sometimes");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("ragft: --config " + dir.resolve("none.yaml")
        + " is not a file");
    assertThat(resume.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(resume.err()).contains("ragft: " + dir + " is not a run folder: it has no"
        + " run.json; start a run with 'ragft eval run --config FILE --out " + dir + "'");
    assertThat(cache.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cache.err()).contains("cache mode must be read-write, replay or off, but is:"
        + " sometimes");
  }

  @Test
  void a_bad_configuration_is_a_runtime_error_naming_file_line_and_field() throws Exception {
    Path config = dir.resolve("eval.yaml");
    Files.writeString(config, "cases:\n  scenario: wrenbolt\nmodels:\n  base: {model: x.gguf}\n"
        + "setups:\n  - {id: a, model: b}\n");

    CommandRunner.Result result = CommandRunner.run("eval", "run", "--config",
        config.toString(), "--out", dir.resolve("out").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(result.err()).isEqualTo("ragft: " + config + ":6: field \"setups[0].model\""
        + " names no configured model: \"b\"; the models are: base" + System.lineSeparator());
  }
}
