package dev.ragft.rag.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.common.Hashes;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.common.InputProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every run of {@code regressions/beir-scifact.yaml} on the shared SciFact copy and fails
 * when a metric drifts from its expected value by more than the file's tolerance. Runs share
 * indexes by their index settings, and vectors through one embedding cache (system property
 * {@code ragft.regressions.cache}, default {@code target/regressions/embeddings}).
 *
 * <p>BM25 runs always run (seconds). A run with embedding models first embeds all 5,183
 * abstracts with each model, about 12 minutes per model on two idle cores, which would double the
 * build's time; so with {@code -Dragft.scifact.dense=auto} (the default) such a run runs when the
 * cache already holds its models' vectors and is skipped with that reason otherwise, and
 * {@code -Dragft.scifact.dense=run} runs it regardless (filling the cache).
 */
class ScifactRegressionIT {

  @TestFactory
  List<DynamicTest> scifact_metrics_match_the_regression_file() throws Exception {
    Regression regression = Regression.read("/regressions/beir-scifact.yaml");
    Path shared = Path.of(System.getProperty("ragft.shared.dir", "../shared"));
    Path dataset = shared.resolve("datasets").resolve(regression.dataset());
    Path work = Path.of("target", "regressions").toAbsolutePath();
    Path cache = Path.of(System.getProperty("ragft.regressions.cache",
        work.resolve("embeddings").toString()));
    String dense = System.getProperty("ragft.scifact.dense", "auto");
    return regression.runs().stream().map(run -> DynamicTest.dynamicTest(run.name(), () -> {
      assumeTrue(Files.isRegularFile(dataset.resolve("corpus.jsonl")),
          "SciFact is not at " + dataset + " (the shared test data); skipping its regression");
      List<String> models = run.models() == null ? List.of() : run.models();
      List<String> missing = models.stream().filter(m -> !Files.isRegularFile(
          cache.resolve(m + "-" + EmbeddingModelSpec.byName(m).dimensions() + ".bin"))).toList();
      assumeTrue(dense.equals("run") || missing.isEmpty(), "skipped: " + run.name()
          + " needs SciFact embedded with " + String.join(", ", missing) + " (about 12 minutes"
          + " per model on 2 cores) and the cache " + cache + " has no such vectors; run it with"
          + " -Dragft.scifact.dense=run, or point -Dragft.regressions.cache at a filled cache");
      Path index = work.resolve("index-" + Hashes.sha256(String.valueOf(run.models()))
          .substring(0, 12));
      BeirEvalResult result = BeirEvaluation.run(new BeirEvalConfig(dataset, regression.split(),
              run.index(index, cache), run.retrieval(), 100,
              work.resolve(run.name() + ".run"), run.name(), run.tuning()),
          InputProblems.collecting(), BeirEvaluation.ProgressFactory.console());
      Map<String, Object> measured = result.headline();
      System.out.println("regression " + run.name() + ": " + measured);
      run.expected().forEach((metric, expected) ->
          assertThat((Double) measured.get(metric)).as("%s %s", run.name(), metric)
              .isCloseTo(expected, within(regression.tolerance())));
      assertThat(result.summary().queries()).isEqualTo(300);
      if (run.tuning() != null) {
        assertThat(result.tuning().weights()).as("%s weights", run.name())
            .isEqualTo(run.expectedWeights());
      }
    })).toList();
  }
}
