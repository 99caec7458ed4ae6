package dev.ragft.eval.result;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole evaluation run: its description, the setups and cases, and one result per
 * (case, setup). Results are kept sorted by case id, then setup order, so the same run always
 * serializes to the same bytes.
 *
 * @param info what the run was
 * @param setups the setups, in display order
 * @param cases the cases, sorted by id
 * @param results one result per (case, setup) that has finished
 */
public record RunResult(RunInfo info, List<SetupInfo> setups, List<CaseInfo> cases,
    List<CaseResult> results) {

  /** Validates, copies and sorts the components. */
  public RunResult {
    Objects.requireNonNull(info, "info");
    setups = List.copyOf(setups);
    cases = cases.stream().sorted(Comparator.comparing(CaseInfo::id)).toList();
    List<String> order = setups.stream().map(SetupInfo::id).toList();
    results = results.stream().sorted(Comparator.comparing(CaseResult::caseId)
        .thenComparingInt(r -> order.indexOf(r.setupId()))).toList();
  }

  /** The result of a case in a setup, if it finished. */
  public Optional<CaseResult> result(String caseId, String setupId) {
    return results.stream()
        .filter(r -> r.caseId().equals(caseId) && r.setupId().equals(setupId)).findFirst();
  }

  /** The results of one setup, in case order. */
  public List<CaseResult> resultsOf(String setupId) {
    return results.stream().filter(r -> r.setupId().equals(setupId)).toList();
  }
}
