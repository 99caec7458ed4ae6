package dev.ragft.eval.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * Whether a reply passed all its gating checks, and if not, why. In JSON the variant is the
 * property {@code "outcome"}: {@code "pass"} or {@code "fail"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Verdict.Pass.class, name = "pass"),
    @JsonSubTypes.Type(value = Verdict.Fail.class, name = "fail")})
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
