package dev.ragft.eval.stats;

import dev.ragft.eval.result.FailureLabel;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statistics of one setup over the cases it finished.
 *
 * @param setupId the setup
 * @param cases the cases with a result
 * @param passed the cases whose first sample passed
 * @param passRate {@code passed / cases} (0 when there are no cases)
 * @param interval the bootstrap interval of the pass rate; empty when there are no cases
 * @param consistentPasses the cases where every sample passed
 * @param consistency {@code consistentPasses / cases} with its bootstrap interval, when the run has
 *     more than one sample per case
 * @param labels failures by label (first sample), every label present, zero when none
 */
public record SetupStats(String setupId, int cases, int passed, double passRate,
    Optional<Interval> interval, int consistentPasses, Optional<Estimate> consistency,
    Map<FailureLabel, Integer> labels) {

  /** Validates and copies the components. */
  public SetupStats {
    Objects.requireNonNull(setupId, "setupId");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(consistency, "consistency");
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** The failures, {@code cases - passed}. */
  public int failed() {
    return cases - passed;
  }
}
