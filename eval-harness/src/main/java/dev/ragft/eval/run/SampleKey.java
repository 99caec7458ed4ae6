package dev.ragft.eval.run;

import java.util.Objects;

/**
 * One unit of work of a run, and of its journal: sample {@code index} of a case in a setup.
 *
 * @param caseId the case
 * @param setupId the setup
 * @param index the sample number, from 0
 */
public record SampleKey(String caseId, String setupId, int index) {

  /** Validates the components. */
  public SampleKey {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(setupId, "setupId");
    if (index < 0) {
      throw new IllegalArgumentException("sample index must be >= 0, but is: " + index);
    }
  }
}
