package dev.ragft.eval.result;

import java.util.List;
import java.util.Objects;

/**
 * One reply of a setup to a case (a case is sampled several times at temperature above zero).
 *
 * @param index the sample number, from 0
 * @param answer the reply text
 * @param verdict pass, or fail with its label
 * @param checks every check, gating or not, in a stable order
 * @param usage what the call cost
 */
public record Sample(int index, String answer, Verdict verdict, List<Check> checks, Usage usage) {

  /** Validates and copies the components. */
  public Sample {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(verdict, "verdict");
    checks = List.copyOf(checks);
    Objects.requireNonNull(usage, "usage");
  }
}
