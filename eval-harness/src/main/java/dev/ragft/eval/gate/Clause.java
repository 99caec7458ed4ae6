package dev.ragft.eval.gate;

import java.util.Objects;

/**
 * One clause of a gate: {@code metric op threshold}.
 *
 * @param text the clause as written, trimmed
 * @param metric the metric name
 * @param position the 0-based offset of the metric name in the whole gate expression
 * @param op the comparison
 * @param threshold the number compared with ({@code 80%} is read as 0.8)
 */
public record Clause(String text, String metric, int position, Comparison op, double threshold) {

  /** Validates the components. */
  public Clause {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(op, "op");
  }
}
