package dev.ragft.finetune.format;

import dev.ragft.common.InputException;
import java.util.Objects;

/**
 * One broken rule in a file.
 *
 * @param source the file name
 * @param line the 1-based line, or 0 for a rule about the whole file
 * @param rule what is wrong, phrased to follow the location
 */
public record Violation(String source, long line, String rule) {

  /** Validates the components. */
  public Violation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rule, "rule");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, but is: " + line);
    }
  }

  /** The violation as ragft prints every input problem: {@code file:line: rule}. */
  @Override
  public String toString() {
    return InputException.format(source, line, null, rule);
  }
}
