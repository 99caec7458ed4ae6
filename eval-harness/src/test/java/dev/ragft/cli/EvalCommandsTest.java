package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandsTest {

  @TempDir
  Path dir;
  private Path runA;
  private Path runB;

  @BeforeEach
  void writeRuns() throws Exception {
    runA = writeRun("a", TestRuns.builder(7, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KPP").add("c", "KKP").add("d", "BBB").add("e", "PPP").build());
    runB = writeRun("b", TestRuns.builder(8, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KKP").add("c", "KPP").add("d", "BBP").add("e", "PPP").build());
  }

  private Path writeRun(String name, RunResult run) throws Exception {
    Path runDir = Files.createDirectories(dir.resolve(name));
    Files.writeString(runDir.resolve(RunResultJson.RESULT_FILE), RunResultJson.toJson(run));
    return runDir;
  }

  @Test
  void report_writes_every_format_into_the_run_directory() {
    CommandRunner.Result r = CommandRunner.run("eval", "report", runA.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines()).containsExactly(
        "Insufficient evidence: only 4 baseline failures (at least 6 needed); the counts alone "
            + "lean towards: hybrid: retrieval and fine-tuning together.",
        "wrote " + runA.resolve("report.json"), "wrote " + runA.resolve("report.md"),
        "wrote " + runA.resolve("report.html"));
  }

  @Test
  void report_writes_chosen_formats_elsewhere_and_gates_the_run() throws Exception {
    Path out = dir.resolve("out");
    Path junit = dir.resolve("junit/gate.xml");
    CommandRunner.Result r = CommandRunner.run("eval", "report", runA.resolve("result.json").toString(),
        "--format", "md,html", "--out", out.toString(), "--gate", "hybrid.pass_rate >= 0.8",
        "--junit", junit.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("report.html", "report.md");
    }
    assertThat(r.out()).contains("gate holds: 1 of 1 clauses\n  ok   hybrid.pass_rate >= 0.8: "
        + "hybrid.pass_rate is 0.8 (holds)\n");
    assertThat(Files.readString(junit)).contains("<testsuite name=\"ragft.gate\" tests=\"1\" failures=\"0\"");
  }

  @Test
  void an_unknown_format_is_a_usage_error() {
    CommandRunner.Result r = CommandRunner.run("eval", "report", runA.toString(), "--format", "pdf");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("ragft: unknown report format \"pdf\"; choose json, md or html\n");
  }

  @Test
  void a_directory_without_a_result_is_a_runtime_error_naming_the_file() {
    CommandRunner.Result r = CommandRunner.run("eval", "report", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(r.err()).isEqualTo("ragft: " + dir.resolve("result.json")
        + ": is missing: the run directory has no result (has the run finished?)\n");
  }

  @Test
  void a_broken_result_file_names_its_line_and_field() throws Exception {
    Path file = dir.resolve("broken.json");
    String json = RunResultJson.toJson(TestRuns.builder(1, List.of("baseline")).add("a", "P").build())
        .replace("\"outcome\" : \"pass\"", "\"outcome\" : \"maybe\"");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    CommandRunner.Result r = CommandRunner.run("eval", "report", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(r.err()).matches("ragft: .*broken\\.json:\\d+: field \"results\\[0\\]\\.samples\\[0\\]"
        + "\\.verdict\" is invalid: Could not resolve type id 'maybe'.*\\n");
  }

  @Test
  void compare_prints_flips_and_exits_1_when_the_gate_is_violated() throws Exception {
    Path junit = dir.resolve("compare.xml");
    Path json = dir.resolve("compare.json");
    CommandRunner.Result r = CommandRunner.run("eval", "compare", runA.toString(), runB.toString(),
        "--gate", "hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0", "--junit", junit.toString(),
        "--json", json.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("rag pass->fail: b\n")
        .contains("gate violated: 1 of 2 clauses\n"
            + "  ok   hybrid.pass_rate >= 0.8: hybrid.pass_rate is 1 (holds)\n"
            + "  FAIL flips.pass_to_fail == 0: flips.pass_to_fail is 1 (violated)\n");
    assertThat(Files.readString(junit)).contains("<testcase classname=\"ragft.flips.rag\" name=\"b\"><failure");
    assertThat(Files.readString(json)).contains("\"passToFail\" : [\n        \"b\"\n      ]");
  }

  @Test
  void compare_exits_0_when_the_gate_holds() {
    CommandRunner.Result r = CommandRunner.run("eval", "compare", runA.toString(), runB.toString(),
        "--gate", "hybrid.pass_rate_delta >= 0; rag.flips.pass_to_fail <= 1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("gate holds: 2 of 2 clauses\n");
  }

  @Test
  void a_malformed_gate_is_a_usage_error_with_its_column() {
    CommandRunner.Result r = CommandRunner.run("eval", "compare", runA.toString(), runB.toString(),
        "--gate", "hybrid.pass_rate => 0.8");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("ragft: gate column 18: expected a comparison (>=, >, <=, <, ==,"
        + " !=) after \"hybrid.pass_rate\", but found \"=>\"\n"
        + "hybrid.pass_rate => 0.8\n"
        + "                 ^\n");
  }

  @Test
  void an_unknown_metric_is_a_usage_error() {
    CommandRunner.Result r = CommandRunner.run("eval", "compare", runA.toString(), runB.toString(),
        "--gate", "oracle.pass_rate >= 0.5");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("ragft: gate column 1: unknown metric \"oracle.pass_rate\"");
  }

  @Test
  void junit_without_a_gate_and_eval_alone_are_usage_errors() {
    assertThat(CommandRunner.run("eval", "compare", runA.toString(), runB.toString(), "--junit",
        "x.xml").err()).startsWith("ragft: --junit needs --gate\n");
    CommandRunner.Result r = CommandRunner.run("eval");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("ragft: Missing subcommand: choose one of run, resume, report, compare.\n");
  }
}
