package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft index}, {@code search} and {@code retrieval-eval} on small fixtures. */
class RetrievalCommandsTest {

  @TempDir
  static Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(RetrievalCommandsTest.class.getResource(name).toURI());
  }

  @BeforeAll
  static void isolateCache() {
    System.setProperty("ragft.cache", dir.resolve("cache").toString());
  }

  @AfterAll
  static void restoreCache() {
    System.clearProperty("ragft.cache");
  }

  @Test
  void index_then_search_with_citations() throws Exception {
    Path index = dir.resolve("docs-index");
    CommandRunner.Result indexed = CommandRunner.run("index", resource("docs").toString(),
        "--index", index.toString());
    assertThat(indexed.exitCode()).as(indexed.err()).isZero();
    assertThat(indexed.out()).startsWith("3 documents read: 3 indexed")
        .contains("problems: empty_document=1 unreadable_file=1");
    assertThat(indexed.err()).contains("broken.pdf");

    CommandRunner.Result again = CommandRunner.run("index", resource("docs").toString(),
        "--index", index.toString());
    assertThat(again.out()).contains("0 indexed").contains("3 unchanged");

    CommandRunner.Result search = CommandRunner.run("search", "--index", index.toString(),
        "--json", "-k", "2", "--context", "how", "long", "is", "the", "refund", "window");
    assertThat(search.exitCode()).as(search.err()).isZero();
    JsonNode json = Json.mapper().readTree(search.out());
    assertThat(json.get("results")).hasSize(2);
    JsonNode top = json.get("results").get(0);
    assertThat(top.get("doc_id").asText()).isEqualTo("refunds.md");
    assertThat(top.get("source").asText()).isEqualTo("refunds.md");
    assertThat(json.at("/context/citations/0/number").asInt()).isEqualTo(1);
    assertThat(json.at("/context/text").asText()).startsWith("[1] ");

    CommandRunner.Result text = CommandRunner.run("search", "--index", index.toString(),
        "--mode", "bm25", "--filter", "source=retention.html", "data", "deleted");
    assertThat(text.out()).startsWith("1. ").contains("retention.html").contains("90 days")
        .doesNotContain("script text");
  }

  @Test
  void retrieval_eval_prints_trec_metrics_and_writes_a_run_file() throws Exception {
    Path run = dir.resolve("bm25.run");
    CommandRunner.Result result = CommandRunner.run("retrieval-eval", "--dataset",
        resource("minibeir").toString(), "--mode", "bm25", "--index",
        dir.resolve("beir-index").toString(), "--run", run.toString(), "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = Json.mapper().readTree(result.out());
    assertThat(json.fieldNames()).toIterable()
        .contains("ndcg@10", "recall@100", "mrr@10", "queries");
    assertThat(json.get("queries").asInt()).isEqualTo(3);
    assertThat(json.get("ndcg@10").asDouble()).isEqualTo(1.0);
    assertThat(json.get("mrr@10").asDouble()).isEqualTo(1.0);
    try (Stream<String> lines = Files.lines(run)) {
      assertThat(lines.filter(l -> l.startsWith("q1 Q0 d1 1 "))).hasSize(1);
    }
  }

  @Test
  void usage_errors_exit_2_and_runtime_errors_exit_3_with_one_sentence() throws Exception {
    CommandRunner.Result badMode = CommandRunner.run("retrieval-eval", "--dataset", "x",
        "--mode", "sideways");
    assertThat(badMode.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badMode.err())
        .contains("--mode must be one of bm25, dense, hybrid, but is: sideways");

    CommandRunner.Result missing = CommandRunner.run("retrieval-eval", "--mode", "bm25");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("Missing required option: '--dataset=DIR'");

    Path nowhere = dir.resolve("nowhere");
    CommandRunner.Result noDataset = CommandRunner.run("retrieval-eval", "--dataset",
        nowhere.toString(), "--mode", "bm25");
    assertThat(noDataset.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(noDataset.err().strip())
        .isEqualTo("ragft: " + nowhere + ": is not a BEIR dataset: corpus.jsonl is missing");

    CommandRunner.Result noIndex = CommandRunner.run("search", "--index", nowhere.toString(), "q");
    assertThat(noIndex.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(noIndex.err().strip()).isEqualTo("ragft: no ragft index at " + nowhere
        + " (ragft-index.json is missing); build one with 'ragft index'");

    CommandRunner.Result badModel = CommandRunner.run("index", nowhere.toString(), "--index",
        dir.resolve("i").toString(), "--model", "bge-huge");
    assertThat(badModel.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badModel.err()).contains("unknown embedding model 'bge-huge'");
  }
}
