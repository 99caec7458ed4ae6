package dev.ragft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.bench.quality.QualityLedger;
import dev.ragft.common.RagftException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir
  Path results;

  @BeforeEach
  void writeResults() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/report/sample-jmh.json")) {
      Files.copy(in, results.resolve("sample.json"));
    }
    QualityLedger.record(results, "DenseSearchBenchmark",
        Map.of("chunks", "100000", "graph", "m16-none", "candidates", "100"),
        () -> Map.of("recall@10", 0.9612, "queries", 200));
    QualityLedger.record(results, "IndexingBenchmark", Map.of("docs", "300"),
        () -> Map.of("chunks", 450, "documents", 300));
    Files.writeString(results.resolve(BenchReport.META_FILE), "profile: test\n");
  }

  @Test
  void jmh_rows_carry_percentiles_sample_counts_and_units() {
    List<JmhRow> rows = JmhResults.read(List.of(results.resolve("sample.json")));
    assertThat(rows).hasSize(8);
    JmhRow lucene = rows.get(0);
    assertThat(lucene.benchmark()).isEqualTo("DenseSearchBenchmark");
    assertThat(lucene.method()).isEqualTo("lucene");
    assertThat(lucene.p50()).isEqualTo(1000.0);
    assertThat(lucene.p99()).isEqualTo(2500.0);
    assertThat(lucene.samples()).isEqualTo(2000);
    assertThat(lucene.millis(lucene.p50())).isEqualTo(1.0);
    JmhRow first = rows.get(3);
    assertThat(first.mode()).isEqualTo("ss");
    assertThat(first.p50()).isEqualTo(20000.0);
    assertThat(first.samples()).isEqualTo(2);
  }

  @Test
  void the_tables_join_timings_baselines_and_quality() throws Exception {
    String report = BenchReport.render(results);
    assertThat(report).contains("```\nprofile: test\n```");
    assertThat(report).contains("""
        | chunks | graph | breadth | recall@10 | ragft p50 ms | p99 ms | Lucene p50 ms \
        | ragft ÷ Lucene | flat scan ÷ ragft |
        |---|---|---|---|---|---|---|---|---|
        | 100000 | m16-none | 100 | 0.961 | 1.20 | 3.00 | 1.00 | 1.20× | 20.00× |
        """);
    assertThat(report).contains("""
        | 300 | 450 | 20.0 | 18.0 | 0.90× | 1.00 | 0.95× | 1.60 | 12.50× | 2.50 | 8.00× |
        """);
    assertThat(report).contains(
        "| dense recall@10 ≥ 0.95 against exact (M=16, float, breadth 100) | 0.961 | yes |",
        "| ragft ÷ Lucene ≤ 1.10: dense (M=16, float, breadth 100) | 1.20× | **no** |",
        "| ragft ÷ Lucene ≤ 1.10: BM25 | not measured |  |",
        "| indexing ≥ 0.90 of the embedding model's own throughput | 0.90× | yes |",
        "| re-indexing unchanged data ≥ 20× faster than the first indexing | 12.50× | **no** |");
    assertThat(report).doesNotContain("### BM25", "### Hybrid search");
    assertThat(BenchReport.render(results)).isEqualTo(report);
  }

  @Test
  void the_harness_replay_has_its_own_table_and_target_row() throws Exception {
    Files.writeString(results.resolve("harness.json"), """
        [{"jmhVersion": "1.37", "benchmark": "dev.ragft.bench.HarnessReplayBenchmark.replay",
          "mode": "ss", "primaryMetric": {"score": 4.25, "scoreError": 0.5, "scoreUnit": "s/op",
          "rawData": [[4.0, 4.5, 4.25]]}}]
        """);
    QualityLedger.record(results, "HarnessReplayBenchmark", Map.of(),
        () -> Map.of("cases", 119, "setups", "baseline rag finetuned hybrid oracle",
            "samples", 595));

    String report = BenchReport.render(results);

    assertThat(report).contains("""
        ### Evaluation harness replay
        """).contains("""
        | cases | setups | samples | replay + report s | ± (99.9%) | runs |
        |---|---|---|---|---|---|
        | 119 | baseline rag finetuned hybrid oracle | 595 | 4.25 | 0.500 | 3 |
        """).contains(
        "| harness replay of all default setups over 119–120 cases < 10 s | 4.25 s | yes |");
  }

  @Test
  void only_the_text_between_the_markers_is_replaced() {
    String page = "# Benchmarks\n\nintro\n\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END
        + "\n\nafter\n";
    assertThat(BenchReport.replace(page, "new\n")).isEqualTo("# Benchmarks\n\nintro\n\n"
        + BenchReport.BEGIN + "\n\nnew\n" + BenchReport.END + "\n\nafter\n");
    assertThatThrownBy(() -> BenchReport.replace("# no markers\n", "x"))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("the page has no generated-results markers");
  }
}
