package dev.ragft.eval.result;

import java.util.Objects;

/** Whether a reply passed all its gating checks, and if not, why. */
public sealed interface Verdict {

  /** Whether this is a pass. */
  default boolean passed() {
    return this instanceof Pass;
  }

  /** The reply passed every gating check. */
  record Pass() implements Verdict {
  }

  /**
   * The reply failed.
   *
   * @param reason a one-line summary of the failed checks
   * @param label the diagnosis of the failure
   */
  record Fail(String reason, FailureLabel label) implements Verdict {
    /** Validates the components. */
    public Fail {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(label, "label");
    }
  }
}
