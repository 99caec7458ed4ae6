package dev.ragft.eval.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Checks gate expressions against metrics. */
public final class Gate {

  private Gate() {
  }

  /**
   * Parses {@code expression} and checks every clause against {@code metrics}.
   *
   * @throws GateSyntaxException when the expression is malformed or names an unknown metric (the
   *     column is that of the metric)
   */
  public static GateResult evaluate(String expression, Metrics metrics) {
    List<ClauseResult> results = new ArrayList<>();
    for (Clause clause : GateParser.parse(expression)) {
      OptionalDouble value = metrics.value(clause.metric());
      if (value.isEmpty()) {
        throw new GateSyntaxException(expression, clause.position(), "unknown metric \""
            + clause.metric() + "\"; known metrics: " + metrics.known());
      }
      double actual = value.getAsDouble();
      results.add(new ClauseResult(clause, actual, clause.op().test(actual, clause.threshold())));
    }
    return new GateResult(expression, results);
  }
}
