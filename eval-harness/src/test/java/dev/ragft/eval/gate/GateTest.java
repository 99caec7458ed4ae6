package dev.ragft.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.ReportOptions;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.stats.StatsConfig;
import dev.ragft.eval.testing.TestRuns;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class GateTest {

  static RunResult before() {
    return TestRuns.builder(7, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KPP").add("c", "KKP").add("d", "BBB").add("e", "PPP").build();
  }

  static RunResult after() {
    return TestRuns.builder(8, List.of("baseline", "rag", "hybrid"))
        .add("a", "KPP").add("b", "KKP").add("c", "KPP").add("d", "BBP").add("e", "PPP").build();
  }

  private static RunMetrics metrics(RunResult run) {
    return RunMetrics.of(Report.of(run, ReportOptions.DEFAULT));
  }

  @Test
  void run_metrics_hold_or_are_violated() {
    GateResult result = Gate.evaluate("hybrid.pass_rate >= 0.8; rag.label.knowledge == 1;"
        + " baseline.pass_rate > 0.5; rag.hit_rate == 1; cases == 5", metrics(before()));
    assertThat(result.passed()).isFalse();
    assertThat(result.violated()).extracting(ClauseResult::describe)
        .containsExactly("baseline.pass_rate > 0.5: baseline.pass_rate is 0.2 (violated)");
    assertThat(result.clauses()).hasSize(5);
  }

  @Test
  void an_unknown_metric_is_an_error_at_its_column() {
    GateSyntaxException e = catchThrowableOfType(GateSyntaxException.class,
        () -> Gate.evaluate("hybrid.pass_rate >= 0.8; hybrd.pass_rate >= 0.8", metrics(before())));
    assertThat(e.position()).isEqualTo(25);
    assertThat(e.getMessage()).startsWith("gate column 26: unknown metric \"hybrd.pass_rate\"; "
        + "known metrics: setups: baseline, rag, hybrid; per setup: pass_rate,");
  }

  @Test
  void comparison_metrics_count_flips_and_deltas() {
    RunComparison comparison = RunComparison.of(before(), after(), StatsConfig.DEFAULT);
    ComparisonMetrics metrics = new ComparisonMetrics(comparison, metrics(after()));
    assertThat(metrics.value("flips.pass_to_fail").getAsDouble()).isEqualTo(1.0);
    assertThat(metrics.value("flips.fail_to_pass").getAsDouble()).isEqualTo(2.0);
    assertThat(metrics.value("rag.flips.pass_to_fail").getAsDouble()).isEqualTo(1.0);
    assertThat(metrics.value("hybrid.pass_rate_delta").getAsDouble()).isEqualTo(0.2);
    assertThat(metrics.value("hybrid.pass_rate").getAsDouble()).isEqualTo(1.0);
    GateResult gate = Gate.evaluate("hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0", metrics);
    assertThat(gate.violated()).extracting(c -> c.clause().text())
        .containsExactly("flips.pass_to_fail == 0");
  }

  @Test
  void junit_xml_has_a_case_per_clause_and_per_paired_case() {
    RunComparison comparison = RunComparison.of(before(), after(), StatsConfig.DEFAULT);
    GateResult gate = Gate.evaluate("hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0",
        new ComparisonMetrics(comparison, metrics(after())));
    String xml = JUnitXml.render(gate, Optional.of(comparison));
    assertThat(JUnitXml.render(gate, Optional.of(comparison))).isEqualTo(xml);
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    assertThat(doc.select("testsuite[name=ragft.gate]").attr("tests")).isEqualTo("2");
    assertThat(doc.select("testsuite[name=ragft.gate]").attr("failures")).isEqualTo("1");
    assertThat(doc.select("testsuite[name=ragft.gate] testcase failure").attr("message"))
        .isEqualTo("flips.pass_to_fail == 0: flips.pass_to_fail is 1 (violated)");
    assertThat(doc.select("testsuite[name=ragft.flips]").attr("tests")).isEqualTo("15");
    assertThat(doc.select("testsuite[name=ragft.flips] testcase:has(failure)"))
        .extracting(e -> e.attr("classname") + "/" + e.attr("name"))
        .containsExactly("ragft.flips.rag/b");
    assertThat(xml).doesNotContain("timestamp").doesNotContain("time=");
  }

  @Test
  void xml_drops_characters_it_cannot_hold() {
    assertThat(JUnitXml.clean("a\u0000b\u001Fc\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
  }
}
