package dev.ragft.eval.gate;

import java.util.List;
import java.util.Objects;

/**
 * A gate checked against metrics.
 *
 * @param expression the gate as written
 * @param clauses each clause's outcome, in order
 */
public record GateResult(String expression, List<ClauseResult> clauses) {

  /** Validates and copies the components. */
  public GateResult {
    Objects.requireNonNull(expression, "expression");
    clauses = List.copyOf(clauses);
  }

  /** Whether every clause holds. */
  public boolean passed() {
    return clauses.stream().allMatch(ClauseResult::passed);
  }

  /** The clauses that do not hold, in order. */
  public List<ClauseResult> violated() {
    return clauses.stream().filter(c -> !c.passed()).toList();
  }
}
