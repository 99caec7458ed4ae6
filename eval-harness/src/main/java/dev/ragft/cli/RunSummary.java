package dev.ragft.cli;

import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.RunResultJson;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.run.RunOutcome;
import dev.ragft.eval.run.RunStats;
import java.io.PrintWriter;
import java.util.Locale;

/** The few lines {@code ragft eval run} and {@code resume} print when a run is done. */
final class RunSummary {

  private RunSummary() {
  }

  static void print(PrintWriter out, RunOutcome outcome) {
    RunResult result = outcome.result();
    RunStats stats = outcome.stats();
    int setups = result.setups().size();
    int samples = result.info().samples();
    out.println("run " + result.info().runId() + ": " + result.cases().size() + " cases, "
        + setups + (setups == 1 ? " setup, " : " setups, ") + samples
        + (samples == 1 ? " sample" : " samples") + " each");
    result.info().notes().forEach((key, note) -> out.println("  note: " + note));
    for (SetupInfo setup : result.setups()) {
      long passed = result.resultsOf(setup.id()).stream().filter(r -> r.passed()).count();
      out.println(String.format(Locale.ROOT, "  %-12s %3d of %3d cases passed (first sample)",
          setup.id(), passed, result.resultsOf(setup.id()).size()));
    }
    out.println("this attempt: " + stats.sampled() + " samples made (" + stats.modelCalls()
        + " model calls, " + stats.cacheHits() + " from the cache), " + stats.fromJournal()
        + " already in the journal");
    out.println("result: " + outcome.folder().resolve(RunResultJson.RESULT_FILE));
    out.flush();
  }
}
