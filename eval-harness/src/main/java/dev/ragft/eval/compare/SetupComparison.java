package dev.ragft.eval.compare;

import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.stats.Estimate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one setup changed between two runs, on the cases both finished.
 *
 * @param setupId the setup
 * @param pairedCases the cases with a result in both runs, sorted
 * @param passRateBefore run A's pass rate on the paired cases
 * @param passRateAfter run B's pass rate on the paired cases
 * @param delta B minus A, with its paired bootstrap interval; empty without paired cases
 * @param passToFail cases that passed in A and fail in B, sorted
 * @param failToPass cases that failed in A and pass in B, sorted
 * @param onlyBefore cases only run A finished, sorted
 * @param onlyAfter cases only run B finished, sorted
 * @param labelDeltas B's failures minus A's, per label, on the paired cases
 */
public record SetupComparison(String setupId, List<String> pairedCases, double passRateBefore,
    double passRateAfter, Optional<Estimate> delta, List<String> passToFail,
    List<String> failToPass, List<String> onlyBefore, List<String> onlyAfter,
    Map<FailureLabel, Integer> labelDeltas) {

  /** Validates and copies the components. */
  public SetupComparison {
    Objects.requireNonNull(setupId, "setupId");
    pairedCases = List.copyOf(pairedCases);
    Objects.requireNonNull(delta, "delta");
    passToFail = List.copyOf(passToFail);
    failToPass = List.copyOf(failToPass);
    onlyBefore = List.copyOf(onlyBefore);
    onlyAfter = List.copyOf(onlyAfter);
    labelDeltas = Collections.unmodifiableMap(new TreeMap<>(labelDeltas));
  }

  /** The number of paired cases. */
  public int paired() {
    return pairedCases.size();
  }
}
