package dev.ragft.eval.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the runner's tests: the shared test model and a small configuration. */
final class RunFixtures {

  private RunFixtures() {
  }

  /** The shared stories260K.gguf; skips the test with the reason when it is not there. */
  static Path stories260K() {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "system property ragft.shared.dir is not set; the build sets it"
        + " to ../shared beside the project");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "the shared test model is absent: " + model);
    return model;
  }

  /** The folder of the tiny corpus and case file the runner's tests use. */
  static Path tiny() {
    try {
      return Path.of(RunFixtures.class.getResource("tiny/cases.yaml").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A configuration over the three tiny cases (knowledge, behaviour, control) and the tiny
   * corpus, with a BM25 index built in {@code dir}: baseline, rag and oracle, each one sample.
   */
  static String config(Path dir, String extra) {
    return config(dir, List.of(), extra);
  }

  /** The configuration of {@link #config(Path, String)}, keeping only the cases {@code ids}. */
  static String config(Path dir, List<String> ids, String extra) {
    return """
        runId: test-run
        seed: 7
        maxTokens: 16
        concurrency: 2
        cacheDir: %s
        systemPrompt: You are a support assistant.
        cases:
          files: [%s]
          ids: [%s]
        corpus:
          path: %s
        models:
          base:
            model: %s
            contextSize: 512
            threads: 1
        retrieval:
          rag:
            index: %s
            build: {models: [], chunker: recursive, chunkSize: 64}
            mode: bm25
            k: 2
            budget: 60
        oracleBudget: 60
        """.formatted(dir.resolve("responses"), tiny().resolve("cases.yaml"),
        String.join(", ", ids), tiny().resolve("docs"), stories260K(), dir.resolve("index"))
        + extra;
  }

  /** The result with every latency set to 0 and every cache flag cleared. */
  static RunResult withoutTimings(RunResult run) {
    List<CaseResult> results = new ArrayList<>();
    for (CaseResult result : run.results()) {
      List<Sample> samples = new ArrayList<>();
      for (Sample s : result.samples()) {
        Usage u = s.usage();
        samples.add(new Sample(s.index(), s.answer(), s.verdict(), s.checks(),
            new Usage(u.promptTokens(), u.completionTokens(), 0, u.costUsd(), false)));
      }
      results.add(new CaseResult(result.caseId(), result.setupId(), result.context(),
          result.retrieval(), samples));
    }
    return new RunResult(run.info(), run.setups(), run.cases(), results);
  }
}
