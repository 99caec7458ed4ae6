package dev.ragft.eval.gate;

import java.util.Locale;
import java.util.Objects;

/**
 * A clause checked against metrics.
 *
 * @param clause the clause
 * @param actual the metric's value
 * @param passed whether the clause holds
 */
public record ClauseResult(Clause clause, double actual, boolean passed) {

  /** Validates the components. */
  public ClauseResult {
    Objects.requireNonNull(clause, "clause");
  }

  /** One line for people, e.g. {@code hybrid.pass_rate >= 0.8: 0.75 (violated)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s: %s is %s (%s)", clause.text(), clause.metric(),
        number(actual), passed ? "holds" : "violated");
  }

  /** A value with up to four decimals and no trailing zeros. */
  static String number(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
