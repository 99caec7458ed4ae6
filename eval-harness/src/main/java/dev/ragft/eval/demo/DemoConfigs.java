package dev.ragft.eval.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Json;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.eval.config.IndexSpec;
import dev.ragft.eval.config.RetrievalSpec;
import dev.ragft.model.provider.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's folder layout and the evaluation configurations it writes. The configurations are
 * ordinary {@code ragft eval run} files with paths relative to the output folder, so a user can
 * read, change and rerun them.
 */
final class DemoConfigs {

  /** The index, updated from one corpus version to the next. */
  static final String INDEX = "index";
  /** The behaviour training set. */
  static final String TRAINING = "training";
  /** The fine-tuning job registry. */
  static final String REGISTRY = "ft-jobs";
  /** Where the scenario's files are written to be loaded. */
  static final String WORK = "scenario";
  /** The response cache. */
  static final String CACHE = "cache/responses";
  /** The run folders, one per corpus version. */
  static final String RUNS = "runs";
  /** The chunks each retrieval puts in front of the model. */
  static final int K = 4;

  private DemoConfigs() {
  }

  /** The run folder of a corpus version. */
  static Path runDir(Path out, String version) {
    return out.resolve(RUNS).resolve(version);
  }

  /**
   * The context budget in bge-small tokens: a quarter of an in-process model's window (a small
   * vocabulary reads more of its own tokens, and the reply needs room), at most 1,024.
   */
  static int budget(DemoOptions options) {
    return options.provider() == Provider.LLAMACPP
        ? Math.min(RetrievalSpec.DEFAULT_BUDGET, options.contextSize() / 4)
        : RetrievalSpec.DEFAULT_BUDGET;
  }

  /** The retrieval every RAG setup uses: hybrid BM25 and bge-small with RRF, built by ragft. */
  static RetrievalSpec retrieval(DemoOptions options) {
    return new RetrievalSpec(INDEX, new IndexSpec(null, null, null, null, null, null), "hybrid",
        List.of(), K, budget(options), "none", null, null, "rrf", null);
  }

  /** The evaluation configuration of one corpus version. */
  static String evalYaml(DemoOptions options, DemoModel model,
      Optional<DemoTraining.Trained> trained, String version, List<String> caseIds) {
    int budget = budget(options);
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by ragft demo. Rerun with: ragft eval run --config eval-")
        .append(version).append(".yaml --out ").append(RUNS).append('/').append(version)
        .append('\n');
    yaml.append("runId: demo-").append(version).append('\n');
    yaml.append("seed: ").append(options.seed()).append('\n');
    yaml.append("samples: 1\ntemperature: 0.0\n");
    yaml.append("maxTokens: ").append(options.maxTokens()).append('\n');
    yaml.append("concurrency: ").append(model.provider() == Provider.LLAMACPP ? 1 : 4)
        .append('\n');
    yaml.append("cacheDir: ").append(CACHE).append('\n');
    yaml.append("oracleBudget: ").append(budget).append('\n');
    yaml.append("cases:\n  scenario: ").append(Scenarios.DEMO).append("\n  version: ")
        .append(version).append("\n  ids: ").append(list(caseIds)).append('\n');
    yaml.append("corpus: {scenario: ").append(Scenarios.DEMO).append(", version: ")
        .append(version).append("}\n");
    yaml.append("models:\n  base: ").append(modelYaml(options, model.reference())).append('\n');
    if (options.finetunedModel() != null) {
      yaml.append("  finetuned: ").append(modelYaml(options, options.finetunedModel()))
          .append('\n');
    }
    trained.ifPresent(t -> yaml.append("registered:\n  finetuned: {job: ")
        .append(quote(t.jobKey())).append(", registry: ").append(REGISTRY)
        .append(", from: base}\n"));
    yaml.append("retrieval:\n  rag: {index: ").append(INDEX)
        .append(", build: {}, mode: hybrid, fusion: rrf, k: ").append(K).append(", budget: ")
        .append(budget).append("}\n");
    return yaml.toString();
  }

  private static String modelYaml(DemoOptions options, String name) {
    StringBuilder text = new StringBuilder("{provider: ").append(options.provider().id())
        .append(", model: ").append(quote(name));
    if (options.provider() == Provider.LLAMACPP) {
      text.append(", contextSize: ").append(options.contextSize());
      if (options.threads() > 0) {
        text.append(", threads: ").append(options.threads());
      }
    } else {
      if (options.baseUrl() != null) {
        text.append(", baseUrl: ").append(quote(options.baseUrl()));
      }
      if (options.apiKeyEnv() != null) {
        text.append(", apiKeyEnv: ").append(quote(options.apiKeyEnv()));
      }
    }
    return text.append('}').toString();
  }

  private static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(DemoConfigs::quote).toList()) + "]";
  }

  /** A YAML double-quoted scalar (JSON's string syntax). */
  private static String quote(String text) {
    try {
      return Json.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
