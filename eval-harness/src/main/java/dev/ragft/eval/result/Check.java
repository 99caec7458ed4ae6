package dev.ragft.eval.result;

import java.util.Objects;

/**
 * One check of one reply.
 *
 * @param kind the family of the check
 * @param name a stable name, e.g. {@code format.json_schema}, {@code fact:price-team},
 *     {@code policy.must_escalate}
 * @param passed whether the reply passed it
 * @param detail what was found, for reports (e.g. the schema error, or the stale value seen)
 * @param gating whether the check decides pass or fail; informational checks (token F1, an
 *     uncalibrated judge) are recorded but do not
 */
public record Check(CheckKind kind, String name, boolean passed, String detail, boolean gating) {

  /** Validates the components. */
  public Check {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }
}
