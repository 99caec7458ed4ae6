package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.RagftException;
import dev.ragft.common.CacheDirs;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.rag.beir.BeirEvalConfig;
import dev.ragft.rag.beir.BeirEvalResult;
import dev.ragft.rag.beir.BeirEvaluation;
import dev.ragft.rag.beir.TunedWeights;
import dev.ragft.rag.beir.WeightTuning;
import dev.ragft.rag.chunk.ChunkerType;
import dev.ragft.rag.pipeline.IndexBuildConfig;
import dev.ragft.rag.pipeline.RetrievalConfig;
import dev.ragft.rag.pipeline.RetrievalMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ragft retrieval-eval}: retrieval quality on a BEIR-layout dataset. */
@Command(name = "retrieval-eval", mixinStandardHelpOptions = true,
    description = {
        "Measures retrieval quality on a BEIR-layout dataset.",
        "The folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv; the command prints",
        "nDCG@10, Recall@100 and MRR@10 with trec_eval's conventions, and a TREC run file.",
        "The corpus is indexed once (one chunk per document) and updated incrementally."})
public final class RetrievalEvalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "DIR",
      description = "The BEIR dataset folder.")
  Path dataset;

  @Option(names = "--split", defaultValue = "test",
      description = "The judged split (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Where the index lives (default: a folder in the ragft cache named after "
          + "the dataset and index settings).")
  Path index;

  @Option(names = "--run", paramLabel = "FILE", description = "Write the TREC run file here.")
  Path runFile;

  @Option(names = "--depth", defaultValue = "100",
      description = "Documents kept per query (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--json", description = "Print one JSON object with the metrics on stdout.")
  boolean json;

  @Option(names = "--tune-weights", paramLabel = "SPLIT",
      description = {"Choose the fusion weights on this other judged split (train, say): every "
          + "weighting on a grid is scored by nDCG@10 there and the best evaluates --split.",
          "Needs two or more fused lists; not with --weights or --rerank."})
  String tuneSplit;

  @Option(names = "--tune-step", paramLabel = "STEP",
      defaultValue = "" + WeightTuning.DEFAULT_STEP,
      description = "The grid step of --tune-weights (default: ${DEFAULT-VALUE}).")
  double tuneStep;

  @Mixin
  IndexOptions indexOptions;

  @Mixin
  RetrievalOptions retrievalOptions;

  @Override
  public Integer call() {
    RetrievalConfig retrieval;
    IndexBuildConfig build;
    WeightTuning tuning = null;
    try {
      retrieval = retrievalOptions.toConfig();
      if (tuneSplit != null) {
        tuning = new WeightTuning(tuneSplit, tuneStep);
        if (retrieval.mode() == RetrievalMode.BM25) {
          throw new IllegalArgumentException("--tune-weights needs lists to fuse, but --mode bm25 "
              + "has one; use --mode hybrid");
        }
        if (!retrieval.rerank().method().equals("none")) {
          throw new IllegalArgumentException("--tune-weights tunes the fusion alone; leave out "
              + "--rerank " + retrieval.rerank().method());
        }
      }
      if (retrieval.mode() == RetrievalMode.BM25 && indexOptions.models == null) {
        indexOptions.noVectors = true;
      }
      build = indexOptions.toConfig(Path.of("."), ChunkerType.DOCUMENT, false);
    } catch (IllegalArgumentException | RagftException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path indexDir = index != null ? index : CacheDirs.root().resolve("indexes").resolve(
        dataset.toAbsolutePath().normalize().getFileName() + "-"
            + Hashes.sha256(build.settings().toJson()).substring(0, 12));
    build = new IndexBuildConfig(indexDir, build.analyzer(), build.k1(), build.b(), build.models(),
        build.hnswM(), build.beamWidth(), build.quantization(), build.chunker(),
        build.embeddingCache(), build.commitEvery(), build.embedBatch(), build.rebuild(), false);
    BeirEvalConfig config;
    try {
      config = new BeirEvalConfig(dataset, split, build, retrieval, depth, runFile, "ragft",
          tuning);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    InputProblems problems = new InputProblems(message -> System.err.println("warning: " + message));
    BeirEvalResult result = BeirEvaluation.run(config, problems,
        BeirEvaluation.ProgressFactory.console());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try {
        out.println(Json.mapper().writeValueAsString(result.headline()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(result.retriever() + " on " + dataset.getFileName() + " (" + split + ", "
          + result.summary().queries() + " queries)");
      out.println(String.format(Locale.ROOT, "  nDCG@10    %.4f%n  Recall@100 %.4f%n  MRR@10     %.4f",
          result.summary().ndcg(), result.summary().recall(), result.summary().mrr()));
      TunedWeights tuned = result.tuning();
      if (tuned != null) {
        out.println(String.format(Locale.ROOT, "  weights    %s (tuned on %s: %d queries, %d "
            + "weightings at step %s, nDCG@10 %.4f there)", tuned.weights().stream()
            .map(String::valueOf).collect(Collectors.joining(",")), tuned.split(), tuned.queries(),
            tuned.candidates(), tuned.step(), tuned.ndcg()));
      }
      out.println("  index: " + indexDir + " (" + result.indexing().summary() + ")");
      if (runFile != null) {
        out.println("  run file: " + runFile);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
