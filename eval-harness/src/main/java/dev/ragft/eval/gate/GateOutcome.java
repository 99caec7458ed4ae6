package dev.ragft.eval.gate;

import java.util.ArrayList;
import java.util.List;

/** How a checked gate is printed for people: a verdict line, then one line per clause. */
public final class GateOutcome {

  private GateOutcome() {
  }

  /** The lines, e.g. {@code gate violated: 1 of 2 clauses} then {@code  FAIL flips...}. */
  public static List<String> lines(GateResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(result.passed()
        ? "gate holds: " + result.clauses().size() + " of " + result.clauses().size() + " clauses"
        : "gate violated: " + result.violated().size() + " of " + result.clauses().size()
            + " clauses");
    for (ClauseResult c : result.clauses()) {
      lines.add((c.passed() ? "  ok   " : "  FAIL ") + c.describe());
    }
    return lines;
  }
}
