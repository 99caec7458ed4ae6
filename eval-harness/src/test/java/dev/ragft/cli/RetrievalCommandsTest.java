package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void retrieval_eval_tunes_fusion_weights_on_another_split() throws Exception {
    CommandRunner.Result result = CommandRunner.run("retrieval-eval", "--dataset",
        resource("minibeir").toString(), "--mode", "hybrid", "--fusion", "zscore",
        "--tune-weights", "train", "--tune-step", "0.5", "--index",
        dir.resolve("tuned-index").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("on minibeir (test, 3 queries)")
        .containsPattern("\\n  weights    (1.0,0.0|0.5,0.5|0.0,1.0) \\(tuned on train: 2 queries, "
            + "3 weightings at step 0.5, nDCG@10 1.0000 there\\)\\n");

    CommandRunner.Result json = CommandRunner.run("retrieval-eval", "--dataset",
        resource("minibeir").toString(), "--mode", "hybrid", "--fusion", "zscore",
        "--tune-weights", "train", "--tune-step", "0.5", "--index",
        dir.resolve("tuned-index").toString(), "--json");
    JsonNode tuned = Json.mapper().readTree(json.out());
    assertThat(tuned.get("weights")).hasSize(2);
    assertThat(tuned.get("tuning").get("split").asText()).isEqualTo("train");
    assertThat(tuned.get("tuning").get("candidates").asInt()).isEqualTo(3);
    assertThat(tuned.get("queries").asInt()).isEqualTo(3);
  }

  @Test
  void retrieval_eval_and_search_take_vector_feedback() throws Exception {
    Path index = dir.resolve("feedback-index");
    CommandRunner.Result result = CommandRunner.run("retrieval-eval", "--dataset",
        resource("minibeir").toString(), "--mode", "hybrid", "--fusion", "zscore",
        "--feedback", "1", "--feedback-weight", "0.7", "--index", index.toString(), "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = Json.mapper().readTree(result.out());
    assertThat(json.get("retriever").asText()).isEqualTo("hybrid(z-score: bm25 + "
        + "dense(bge-small-en-v1.5-q); feedback 1 chunk at 0.7)");
    assertThat(json.get("queries").asInt()).isEqualTo(3);
    assertThat(json.get("ndcg@10").asDouble()).isEqualTo(1.0);

    CommandRunner.Result search = CommandRunner.run("search", "--index", index.toString(),
        "--feedback", "1", "--json", "--top", "2", "refund");
    assertThat(search.exitCode()).as(search.err()).isZero();
    JsonNode found = Json.mapper().readTree(search.out());
    assertThat(found.get("retriever").asText()).endsWith("; feedback 1 chunk at 0.8)");
  }

  @Test
  void retrieval_compare_sets_two_runs_side_by_side_with_a_paired_test() throws Exception {
    // Baseline: q1's relevant d1 at rank 2, q2 right, q3 missing. Candidate: all three right.
    Path base = Files.writeString(dir.resolve("base.run"),
        "q1 Q0 d3 1 0.9 a\nq1 Q0 d1 2 0.5 a\nq2 Q0 d2 1 0.7 a\n");
    Path cand = Files.writeString(dir.resolve("cand.run"),
        "q1 Q0 d1 1 0.9 b\nq2 Q0 d2 1 0.8 b\nq3 Q0 d5 1 0.6 b\n");
    CommandRunner.Result text = CommandRunner.run("retrieval-compare", "--dataset",
        resource("minibeir").toString(), base.toString(), cand.toString());
    assertThat(text.exitCode()).as(text.err()).isZero();
    // nDCG@10 per query: baseline 1/log2(3), 1, 0; candidate 1, 1, 1. The differences
    // (0.369, 0, 1) reach their sum under 2 of the 4 sign patterns of the non-zero ones: p = 0.5.
    assertThat(text.out()).isEqualTo(String.join("\n",
        "cand.run against base.run on minibeir (test, 3 queries)",
        "  metric      baseline  candidate  delta    better/worse/same  p",
        "  ndcg@10     0.5436    1.0000     +0.4564  2/0/1              0.5000",
        "  recall@100  0.6667    1.0000     +0.3333  1/0/2              1.0000",
        "  mrr@10      0.5000    1.0000     +0.5000  2/0/1              0.5000",
        "  p: two-sided paired randomization test, 100000 sign assignments at most, seed 42",
        ""));

    CommandRunner.Result json = CommandRunner.run("retrieval-compare", "--dataset",
        resource("minibeir").toString(), "--json", base.toString(), cand.toString());
    JsonNode root = Json.mapper().readTree(json.out());
    assertThat(root.get("queries").asInt()).isEqualTo(3);
    assertThat(root.at("/metrics/ndcg@10/delta").asDouble()).isEqualTo(0.4564);
    assertThat(root.at("/metrics/ndcg@10/better").asInt()).isEqualTo(2);
    assertThat(root.at("/metrics/ndcg@10/p").asDouble()).isEqualTo(0.5);

    Files.writeString(dir.resolve("broken.run"), "q1 Q0 d1 1 0.9 a\nq2 Q0 d2 1\n");
    CommandRunner.Result broken = CommandRunner.run("retrieval-compare", "--dataset",
        resource("minibeir").toString(), base.toString(), dir.resolve("broken.run").toString());
    assertThat(broken.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(broken.err()).isEqualTo("ragft: " + dir.resolve("broken.run") + ":2: a run line "
        + "has 6 fields (qid Q0 docid rank score tag), but this one has 4\n");

    CommandRunner.Result noDraws = CommandRunner.run("retrieval-compare", "--dataset",
        resource("minibeir").toString(), "--draws", "0", base.toString(), cand.toString());
    assertThat(noDraws.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noDraws.err()).startsWith("ragft: --draws must be >= 1, but is: 0\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--tune-weights test|the fusion weights must be tuned on another split than the evaluated "
          + "one (test): tuning on it would report a fitted number",
      "--tune-weights train --weights 0.5,0.5|give fusion weights or tune them on a split, not both",
      "--tune-weights train --mode bm25|--tune-weights needs lists to fuse, but --mode bm25 has "
          + "one; use --mode hybrid",
      "--tune-weights train --rerank mmr|--tune-weights tunes the fusion alone; leave out --rerank "
          + "mmr",
      "--tune-weights train --tune-step 0.3|the tuning step must be one over a whole number from 1 "
          + "to 100 (0.5, 0.25, 0.2, 0.1, 0.05, ...), but is: 0.3",
      "--mode bm25 --feedback 1|vector feedback searches dense lists again, but mode bm25 has "
          + "none; use hybrid or dense",
      "--feedback 1 --feedback-weight 1.5|the query's weight in feedback must be in [0, 1], but "
          + "is: 1.5",
      "--feedback -2|feedback chunks must be >= 0, but is: -2",
      "--feedback-weight 0.5|a feedback weight (0.5) needs feedback chunks (1 or more), but "
          + "there are 0"})
  void bad_tuning_and_feedback_options_are_usage_errors(String options, String message)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("retrieval-eval", "--dataset",
        resource("minibeir").toString(), "--index", dir.resolve("never").toString()));
    args.addAll(List.of(options.split(" ")));
    CommandRunner.Result result = CommandRunner.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("ragft: " + message + "\n");
    assertThat(dir.resolve("never")).doesNotExist();
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
