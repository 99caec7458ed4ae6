package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Json;
import dev.ragft.datasets.beir.BeirDataset;
import dev.ragft.datasets.beir.Qrel;
import dev.ragft.rag.metrics.RunComparison;
import dev.ragft.rag.metrics.TrecEval;
import dev.ragft.rag.metrics.TrecRunReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ragft retrieval-compare}: is one run really better than another on the same queries? */
@Command(name = "retrieval-compare", mixinStandardHelpOptions = true,
    description = {
        "Compares two TREC run files on a BEIR-layout dataset's judged split.",
        "For nDCG@10, Recall@100 and MRR@10 it prints both means, the difference, how many",
        "queries got better, worse or stayed the same, and the two-sided p-value of a paired",
        "randomization test (exact up to 2^20 sign assignments, else seeded draws).",
        "Write the runs with `ragft retrieval-eval --run FILE`."})
public final class RetrievalCompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "DIR",
      description = "The BEIR dataset folder whose qrels judge both runs.")
  Path dataset;

  @Option(names = "--split", defaultValue = "test",
      description = "The judged split (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "100000",
      description = "Random sign assignments per metric (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--seed", defaultValue = "42",
      description = "The seed of the sign assignments (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline's run file.")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate's run file.")
  Path candidate;

  @Override
  public Integer call() {
    if (draws < 1) {
      throw new ParameterException(spec.commandLine(),
          "--draws must be >= 1, but is: " + draws);
    }
    Map<String, Map<String, Integer>> qrels =
        Qrel.byQuery(BeirDataset.open(dataset).qrels(split));
    RunComparison comparison = RunComparison.of(
        TrecEval.BEIR.evaluate(TrecRunReader.read(baseline), qrels),
        TrecEval.BEIR.evaluate(TrecRunReader.read(candidate), qrels), draws, seed);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("baseline", baseline.toString());
      root.put("candidate", candidate.toString());
      root.put("split", split);
      root.putAll(comparison.headline());
      try {
        out.println(Json.mapper().writeValueAsString(root));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(candidate.getFileName() + " against " + baseline.getFileName() + " on "
          + dataset.toAbsolutePath().normalize().getFileName() + " (" + split + ", "
          + comparison.queries() + " queries)");
      out.println("  metric      baseline  candidate  delta    better/worse/same  p");
      comparison.metrics().forEach((name, delta) -> out.println(String.format(Locale.ROOT,
          "  %-10s  %.4f    %.4f     %+.4f  %-17s  %.4f", name, delta.baseline(),
          delta.candidate(), delta.delta(), delta.better() + "/" + delta.worse() + "/"
              + delta.same(), delta.p())));
      out.println("  p: two-sided paired randomization test, " + comparison.draws()
          + " sign assignments at most, seed " + comparison.seed());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
