package dev.ragft.eval.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One row of the diagnosis table: every case with the same signature.
 *
 * @param signature the outcome of every setup, in the run's display order
 * @param group the group of these cases
 * @param caseIds the cases, sorted
 */
public record SignatureRow(List<Outcome> signature, Group group, List<String> caseIds) {

  /** Validates and copies the components. */
  public SignatureRow {
    signature = List.copyOf(signature);
    Objects.requireNonNull(group, "group");
    caseIds = List.copyOf(caseIds);
  }
}
