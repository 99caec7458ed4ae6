package dev.ragft.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.testing.Runs;
import dev.ragft.eval.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDeterminismTest {

  static RunResult sample() {
    return TestRuns.builder(2026)
        .add("k", 5, "KPKPP").add("b", 4, "BBPPB").add("x", 2, "XGKPB").add("p", 3, "PPPPP")
        .add("u", "KGKGG").secondSample("u", "KGKPG")
        .notes(Map.of("model", "tiny test model: answers mean nothing"))
        .build();
  }

  @Test
  void rendering_twice_gives_the_same_bytes(@TempDir Path dir) throws Exception {
    Report report = Report.of(sample(), ReportOptions.DEFAULT);
    ReportWriter.write(report, dir.resolve("a"), EnumSet.allOf(ReportWriter.Format.class));
    ReportWriter.write(Report.of(sample(), ReportOptions.DEFAULT), dir.resolve("b"),
        EnumSet.allOf(ReportWriter.Format.class));
    for (ReportWriter.Format format : ReportWriter.Format.values()) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(format.fileName()));
      byte[] b = Files.readAllBytes(dir.resolve("b").resolve(format.fileName()));
      assertThat(a).as(format.fileName()).isEqualTo(b);
      assertThat(a.length).isGreaterThan(500);
    }
  }

  @Test
  void equal_runs_built_differently_give_the_same_bytes() {
    RunResult plain = sample();
    RunResult reordered = Runs.reversed(Runs.withLatency(sample(), ms -> ms * 7 + 3));
    RunResult viaJson = RunResultJson.mapper().convertValue(
        RunResultJson.mapper().valueToTree(plain), RunResult.class);
    for (ReportWriter.Format format : ReportWriter.Format.values()) {
      String expected = ReportWriter.render(Report.of(plain, ReportOptions.DEFAULT), format);
      assertThat(ReportWriter.render(Report.of(reordered, ReportOptions.DEFAULT), format))
          .as(format.name()).isEqualTo(expected);
      assertThat(ReportWriter.render(Report.of(viaJson, ReportOptions.DEFAULT), format))
          .as(format.name()).isEqualTo(expected);
    }
  }

  @Test
  void latency_appears_only_on_request_in_a_section_of_its_own() {
    RunResult run = sample();
    String json = JsonReport.render(Report.of(run, ReportOptions.DEFAULT));
    assertThat(json).doesNotContain("latencyMillis").doesNotContain("\"latency\"");
    Report withLatency = Report.of(run, ReportOptions.DEFAULT.withLatency(true));
    assertThat(JsonReport.render(withLatency)).contains("latencyMillis").contains("\"latency\"");
    assertThat(HtmlReport.render(withLatency)).contains("Latency (differs between runs)");
    assertThat(MarkdownReport.render(withLatency)).contains("## Latency (differs between runs)");
    assertThat(HtmlReport.render(Report.of(run, ReportOptions.DEFAULT))).doesNotContain("Latency");
    SetupLatency baseline = withLatency.latency().orElseThrow().getFirst();
    assertThat(baseline.calls()).isEqualTo(16);
    assertThat(baseline.medianMillis()).isLessThanOrEqualTo(baseline.p95Millis());
  }

  @Test
  void the_json_report_is_complete_and_reads_back() throws Exception {
    String json = JsonReport.render(Report.of(sample(), ReportOptions.DEFAULT));
    var tree = RunResultJson.mapper().readTree(json.getBytes(StandardCharsets.UTF_8));
    assertThat(tree.get("format").asText()).isEqualTo("ragft-report/1");
    assertThat(tree.at("/run/results").size()).isEqualTo(75);
    assertThat(tree.at("/statistics/pairs").size()).isEqualTo(10);
    assertThat(tree.at("/diagnosis/recommendation/kind").asText()).isEqualTo("INSUFFICIENT_EVIDENCE");
    assertThat(tree.at("/usage/0/setupId").asText()).isEqualTo("baseline");
    assertThat(tree.at("/run/results/0/samples/0/verdict/outcome").asText()).isIn("pass", "fail");
    assertThat(json).endsWith("}\n").doesNotContain("\r");
  }
}
