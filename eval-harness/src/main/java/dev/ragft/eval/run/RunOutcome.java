package dev.ragft.eval.run;

import dev.ragft.eval.cost.CostSummary;
import dev.ragft.eval.result.RunResult;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a finished run leaves: its result and cost summary (both also written to the run folder),
 * and what this attempt did.
 *
 * @param folder the run folder
 * @param result the run's result
 * @param costs the cost summary
 * @param stats what this attempt did
 */
public record RunOutcome(Path folder, RunResult result, CostSummary costs, RunStats stats) {

  /** Validates the components. */
  public RunOutcome {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(stats, "stats");
  }
}
