package dev.ragft.finetune.format;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one file against one format.
 *
 * @param source the file name
 * @param format the format checked
 * @param examples the number of non-blank lines
 * @param violations every broken rule, line rules in line order, then whole-file rules
 */
public record ValidationReport(String source, Format format, long examples,
    List<Violation> violations) {

  /** Copies the list. */
  public ValidationReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    violations = List.copyOf(violations);
  }

  /** Whether no rule is broken. */
  public boolean ok() {
    return violations.isEmpty();
  }
}
