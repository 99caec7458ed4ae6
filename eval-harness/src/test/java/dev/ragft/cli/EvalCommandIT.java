package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.eval.result.RunResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft eval run} and {@code resume} with the real stories260K model. */
class EvalCommandIT {

  @TempDir
  Path dir;

  @Test
  void run_writes_the_result_and_resume_finds_nothing_left_to_do() throws Exception {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "system property ragft.shared.dir is not set");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "the shared test model is absent: " + model);
    Path config = dir.resolve("eval.yaml");
    Files.writeString(config, """
        runId: cli
        maxTokens: 8
        cacheDir: responses
        cases:
          scenario: wrenbolt
          ids: [c-capital-france, c-multiply]
        models:
          base: {model: %s, contextSize: 512, threads: 1}
        """.formatted(model));
    Path out = dir.resolve("out");

    CommandRunner.Result run = CommandRunner.run("eval", "run", "--config", config.toString(),
        "--out", out.toString(), "--quiet");
    CommandRunner.Result resume = CommandRunner.run("eval", "resume", out.toString(),
        "--quiet", "--cache", "replay");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("run cli: 2 cases, 1 setup, 1 sample each")
        .contains("note: stories260K is a smoke model: its answers mean nothing")
        .contains("  baseline       0 of   2 cases passed (first sample)")
        .contains("this attempt: 2 samples made (2 model calls, 0 from the cache), 0 already"
            + " in the journal")
        .contains("result: " + out.resolve(RunResultJson.RESULT_FILE));
    assertThat(resume.exitCode()).as(resume.err()).isEqualTo(ExitCodes.OK);
    assertThat(resume.out()).contains("this attempt: 0 samples made (0 model calls, 0 from the"
        + " cache), 2 already in the journal");
    Path file = out.resolve(RunResultJson.RESULT_FILE);
    assertThat(Files.readString(file)).isEqualTo(RunResultJson.toJson(RunResultJson.read(file)));
  }
}
