package dev.ragft.rag.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.common.Hashes;
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
 * indexes by their index settings, and vectors through one embedding cache under {@code target/}.
 */
class ScifactRegressionIT {

  @TestFactory
  List<DynamicTest> scifact_metrics_match_the_regression_file() throws Exception {
    Regression regression = Regression.read("/regressions/beir-scifact.yaml");
    Path shared = Path.of(System.getProperty("ragft.shared.dir", "../shared"));
    Path dataset = shared.resolve("datasets").resolve(regression.dataset());
    Path work = Path.of("target", "regressions").toAbsolutePath();
    return regression.runs().stream().map(run -> DynamicTest.dynamicTest(run.name(), () -> {
      assumeTrue(Files.isRegularFile(dataset.resolve("corpus.jsonl")),
          "SciFact is not at " + dataset + " (the shared test data); skipping its regression");
      Path index = work.resolve("index-" + Hashes.sha256(String.valueOf(run.models()))
          .substring(0, 12));
      BeirEvalResult result = BeirEvaluation.run(new BeirEvalConfig(dataset, regression.split(),
              run.index(index, work.resolve("embeddings")), run.retrieval(), 100,
              work.resolve(run.name() + ".run"), run.name()),
          InputProblems.collecting(), BeirEvaluation.ProgressFactory.console());
      Map<String, Object> measured = result.headline();
      System.out.println("regression " + run.name() + ": " + measured);
      run.expected().forEach((metric, expected) ->
          assertThat((Double) measured.get(metric)).as("%s %s", run.name(), metric)
              .isCloseTo(expected, within(regression.tolerance())));
      assertThat(result.summary().queries()).isEqualTo(300);
    })).toList();
  }
}
