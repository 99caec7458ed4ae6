package dev.ragft.bench.report;

import static dev.ragft.bench.report.MarkdownTable.count;
import static dev.ragft.bench.report.MarkdownTable.fraction;
import static dev.ragft.bench.report.MarkdownTable.millis;
import static dev.ragft.bench.report.MarkdownTable.number;
import static dev.ragft.bench.report.MarkdownTable.ratio;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results tables, one per benchmark family. Every table shows ragft's latency next to its
 * in-run baseline, their ratio, and the configuration's quality, so that no number stands alone.
 * A section whose benchmarks did not run is left out.
 */
final class Sections {

  private final List<JmhRow> rows;
  private final QualityRows quality;

  Sections(List<JmhRow> rows, QualityRows quality) {
    this.rows = List.copyOf(rows);
    this.quality = quality;
  }

  /** The result of {@code benchmark.method} whose parameters include {@code params}. */
  Optional<JmhRow> find(String benchmark, String method, Map<String, String> params) {
    return rows.stream().filter(r -> r.benchmark().equals(benchmark) && r.method().equals(method)
        && params.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
        .findFirst();
  }

  private List<JmhRow> results(String benchmark, String method) {
    return rows.stream().filter(r -> r.benchmark().equals(benchmark)
        && r.method().equals(method)).toList();
  }

  private static double p50(Optional<JmhRow> row) {
    return row.map(r -> r.millis(r.p50())).orElse(Double.NaN);
  }

  private static double p99(Optional<JmhRow> row) {
    return row.map(r -> r.millis(r.p99())).orElse(Double.NaN);
  }

  private static double mean(Optional<JmhRow> row) {
    return row.map(r -> r.millis(r.mean())).orElse(Double.NaN);
  }

  String queryEmbedding() {
    MarkdownTable table = new MarkdownTable("model", "threads", "tokens/query", "p50 ms",
        "p99 ms", "mean ms", "samples");
    for (JmhRow row : results("QueryEmbeddingBenchmark", "embedQuery")) {
      table.row(row.param("model"), row.param("threads"),
          number(quality.metric(row, "tokens/query").orElse(null)),
          millis(row.millis(row.p50())), millis(row.millis(row.p99())),
          millis(row.millis(row.mean())), "" + row.samples());
    }
    return section("Query embedding", "One SciFact test query embedded per operation (query "
        + "prefix included): the cost every dense or hybrid query pays before any search.", table);
  }

  String exact() {
    MarkdownTable table = new MarkdownTable("chunks", "flat scan p50 ms", "p99 ms",
        "ragft exact p50 ms", "p99 ms", "ragft exact ÷ flat scan");
    for (JmhRow flat : results("ExactScanBenchmark", "flatScan")) {
      Optional<JmhRow> ragft = find("ExactScanBenchmark", "ragftExact",
          Map.of("chunks", flat.param("chunks")));
      table.row(flat.param("chunks"), millis(flat.millis(flat.p50())),
          millis(flat.millis(flat.p99())), millis(p50(ragft)), millis(p99(ragft)),
          ratio(p50(ragft) / flat.millis(flat.p50())));
    }
    return section("Exact search (the floor HNSW is measured against)", "Top 10 by scanning "
        + "every vector: on-heap arrays (the memory-bandwidth floor), and ragft's "
        + "`ExactDenseRetriever` over the index.", table);
  }

  String dense() {
    MarkdownTable table = new MarkdownTable("chunks", "graph", "breadth", "recall@10",
        "ragft p50 ms", "p99 ms", "Lucene p50 ms", "ragft ÷ Lucene", "flat scan ÷ ragft");
    for (JmhRow ragft : results("DenseSearchBenchmark", "ragft")) {
      Optional<JmhRow> lucene = find("DenseSearchBenchmark", "lucene", ragft.params());
      Optional<JmhRow> flat = find("ExactScanBenchmark", "flatScan",
          Map.of("chunks", ragft.param("chunks")));
      double ms = ragft.millis(ragft.p50());
      table.row(ragft.param("chunks"), ragft.param("graph"), ragft.param("candidates"),
          fraction(quality.metric(ragft, "recall@10").orElse(null)), millis(ms),
          millis(ragft.millis(ragft.p99())), millis(p50(lucene)), ratio(ms / p50(lucene)),
          ratio(p50(flat) / ms));
    }
    return section("Dense search (HNSW)", "Already embedded queries. Graph: M and vector storage "
        + "(none = float32, intN = scalar-quantized); breadth: neighbours searched for before the "
        + "top 10 are kept. Recall@10 is against exact search over the same vectors.", table);
  }

  String bm25() {
    MarkdownTable table = new MarkdownTable("chunks", "ragft p50 ms", "p99 ms", "Lucene p50 ms",
        "p99 ms", "Lucene + tie-break p50 ms", "ragft ÷ Lucene", "agreement@10");
    for (JmhRow ragft : results("Bm25SearchBenchmark", "ragft")) {
      Optional<JmhRow> lucene = find("Bm25SearchBenchmark", "lucene", ragft.params());
      Optional<JmhRow> tieBreak = find("Bm25SearchBenchmark", "luceneTieBreak", ragft.params());
      double ms = ragft.millis(ragft.p50());
      table.row(ragft.param("chunks"), millis(ms), millis(ragft.millis(ragft.p99())),
          millis(p50(lucene)), millis(p99(lucene)), millis(p50(tieBreak)),
          ratio(ms / p50(lucene)),
          fraction(quality.metric(ragft, "agreement@10").orElse(null)));
    }
    return section("BM25", "Synthetic Zipfian text, 3 to 6 query words. Agreement@10: the share "
        + "of plain Lucene's top 10 that ragft also returns (ties aside, 1).", table);
  }

  String hybrid() {
    MarkdownTable table = new MarkdownTable("chunks", "fusion", "rerank", "query embedding",
        "recall@10", "ragft p50 ms", "p99 ms", "Lucene p50 ms", "ragft ÷ Lucene");
    for (JmhRow ragft : results("HybridSearchBenchmark", "ragft")) {
      Optional<JmhRow> lucene = find("HybridSearchBenchmark", "lucene", ragft.params());
      double ms = ragft.millis(ragft.p50());
      table.row(ragft.param("chunks"), ragft.param("fusion"), ragft.param("rerank"),
          ragft.param("embedding"), fraction(quality.metric(ragft, "recall@10").orElse(null)),
          millis(ms), millis(ragft.millis(ragft.p99())), millis(p50(lucene)),
          ratio(ms / p50(lucene)));
    }
    return section("Hybrid search", "BM25 and dense (breadth 100), each 100 deep, fused; "
        + "optionally MMR over the top N. The Lucene baseline does the same embedding, searches "
        + "and fusion by hand, without reranking. Recall@10 is against the same pipeline with "
        + "exact dense search.", table);
  }

  String scifact() {
    MarkdownTable table = new MarkdownTable("mode", "rerank", "recall@10", "nDCG@10",
        "ragft p50 ms", "p99 ms", "Lucene p50 ms", "ragft ÷ Lucene");
    for (JmhRow ragft : results("ScifactRetrievalBenchmark", "ragft")) {
      Optional<JmhRow> lucene = find("ScifactRetrievalBenchmark", "lucene", ragft.params());
      double ms = ragft.millis(ragft.p50());
      table.row(ragft.param("mode"), ragft.param("rerank"),
          fraction(quality.metric(ragft, "recall@10").orElse(null)),
          fraction(quality.metric(ragft, "ndcg@10").orElse(null)), millis(ms),
          millis(ragft.millis(ragft.p99())), millis(p50(lucene)), ratio(ms / p50(lucene)));
    }
    return section("SciFact (real text, real query embedding)", "5,183 abstracts, 300 test "
        + "queries, bge-small-en-v1.5-q; each operation embeds the query. The Lucene baseline "
        + "is the first stage only. nDCG@10 against SciFact's judgements.", table);
  }

  String indexing() {
    MarkdownTable table = new MarkdownTable("docs", "chunks", "first indexing s",
        "embedding floor s", "floor ÷ first", "model open s", "floor ÷ (first − open)",
        "re-index unchanged s", "first ÷ re-index", "rebuild from cache s", "first ÷ rebuild");
    for (JmhRow first : results("IndexingBenchmark", "firstIndexing")) {
      Map<String, String> params = first.params();
      double firstS = first.millis(first.mean()) / 1e3;
      double floor = mean(find("IndexingBenchmark", "embeddingFloor", params)) / 1e3;
      double open = mean(find("IndexingBenchmark", "modelOpen", params)) / 1e3;
      double reindex = mean(find("IndexingBenchmark", "reindexUnchanged", params)) / 1e3;
      double rebuild = mean(find("IndexingBenchmark", "rebuildFromCache", params)) / 1e3;
      table.row(first.param("docs"), count(quality.metric(first, "chunks").orElse(null)),
          seconds(firstS), seconds(floor), ratio(floor / firstS),
          seconds(open), ratio(floor / (firstS - open)), seconds(reindex),
          ratio(firstS / reindex), seconds(rebuild), ratio(firstS / rebuild));
    }
    return section("Indexing", "SciFact documents from a corpus.jsonl file with ragft's "
        + "defaults (recursive 256-token chunks, bge-small-en-v1.5-q, float HNSW M=16); mean of "
        + "single-shot runs.", table);
  }

  String harness() {
    MarkdownTable table = new MarkdownTable("cases", "setups", "samples", "replay + report s",
        "± (99.9%)", "runs");
    for (JmhRow row : results("HarnessReplayBenchmark", "replay")) {
      Object setups = quality.metric(row, "setups").orElse(null);
      table.row(count(quality.metric(row, "cases").orElse(null)),
          setups == null ? "n/a" : setups.toString(),
          count(quality.metric(row, "samples").orElse(null)), seconds(row.millis(row.mean()) / 1e3),
          Double.isNaN(row.error()) ? "n/a" : seconds(row.millis(row.error()) / 1e3),
          "" + row.samples());
    }
    return section("Evaluation harness replay", "The demo scenario's second corpus version, every "
        + "default setup over every case, replayed from a response cache that the stories260K "
        + "model filled once: index check, retrieval contexts, scoring, journal, result, then the "
        + "report's statistics and diagnosis. No model generates anything, so this is the "
        + "harness's own cost; mean of single-shot runs.", table);
  }

  String targets() {
    MarkdownTable table = new MarkdownTable("target (2 cores, 100k chunks)", "measured", "met");
    Map<String, String> hybridEmbedded = Map.of("chunks", "100000", "fusion", "rrf",
        "rerank", "none", "embedding", "bge-small-en-v1.5-q");
    Map<String, String> hybridBare = Map.of("chunks", "100000", "fusion", "rrf",
        "rerank", "none", "embedding", "none");
    Map<String, String> denseDefault = Map.of("chunks", "100000", "graph", "m16-none",
        "candidates", "100");
    Optional<JmhRow> hybrid = find("HybridSearchBenchmark", "ragft", hybridEmbedded);
    target(table, "hybrid (RRF) p50 ≤ 5 ms, query embedding included", p50(hybrid), "ms",
        v -> v <= 5);
    target(table, "hybrid (RRF) p99 ≤ 15 ms, query embedding included", p99(hybrid), "ms",
        v -> v <= 15);
    Optional<JmhRow> dense = find("DenseSearchBenchmark", "ragft", denseDefault);
    target(table, "dense recall@10 ≥ 0.95 against exact (M=16, float, breadth 100)",
        dense.flatMap(r -> quality.metric(r, "recall@10")).map(v -> ((Number) v).doubleValue())
            .orElse(Double.NaN), "", v -> v >= 0.95);
    target(table, "ragft ÷ Lucene ≤ 1.10: dense (M=16, float, breadth 100)",
        p50(dense) / p50(find("DenseSearchBenchmark", "lucene", denseDefault)), "×",
        v -> v <= 1.10);
    Map<String, String> bm25 = Map.of("chunks", "100000");
    target(table, "ragft ÷ Lucene ≤ 1.10: BM25",
        p50(find("Bm25SearchBenchmark", "ragft", bm25))
            / p50(find("Bm25SearchBenchmark", "lucene", bm25)), "×", v -> v <= 1.10);
    target(table, "ragft ÷ Lucene ≤ 1.10: hybrid (RRF, no query embedding)",
        p50(find("HybridSearchBenchmark", "ragft", hybridBare))
            / p50(find("HybridSearchBenchmark", "lucene", hybridBare)), "×", v -> v <= 1.10);
    Optional<JmhRow> first = results("IndexingBenchmark", "firstIndexing").stream().findFirst();
    Map<String, String> indexing = first.map(JmhRow::params).orElse(Map.of());
    double firstMs = mean(first);
    target(table, "indexing ≥ 0.90 of the embedding model's own throughput",
        mean(find("IndexingBenchmark", "embeddingFloor", indexing)) / firstMs, "×",
        v -> v >= 0.90);
    target(table, "re-indexing unchanged data ≥ 20× faster than the first indexing",
        firstMs / mean(find("IndexingBenchmark", "reindexUnchanged", indexing)), "×",
        v -> v >= 20);
    target(table, "harness replay of all default setups over 119–120 cases < 10 s",
        mean(results("HarnessReplayBenchmark", "replay").stream().findFirst()) / 1e3, "s",
        v -> v < 10);
    return section("Targets", "Each issue target with the measurement it rests on (the rows "
        + "above); \"not measured\" where the run did not include it.", table);
  }

  private static void target(MarkdownTable table, String target, double value, String unit,
      java.util.function.DoublePredicate met) {
    if (Double.isNaN(value)) {
      table.row(target, "not measured", "");
      return;
    }
    String shown = switch (unit) {
      case "ms" -> millis(value) + " ms";
      case "s" -> seconds(value) + " s";
      case "×" -> ratio(value);
      default -> fraction(value);
    };
    table.row(target, shown, met.test(value) ? "yes" : "**no**");
  }

  private static String seconds(double s) {
    return millis(s);
  }

  private static String section(String title, String intro, MarkdownTable table) {
    if (table.isEmpty()) {
      return "";
    }
    return "### " + title + "\n\n" + intro + "\n\n" + table.render() + "\n";
  }
}
