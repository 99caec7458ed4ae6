package dev.ragft.datasets.cases;

import java.util.Optional;

/**
 * What a policy check expects of a reply: the behaviour is required, forbidden, or not checked.
 * In case files, {@code true} means required, {@code false} forbidden, and leaving the field out
 * means not checked.
 */
public enum Expectation {
  /** The reply must show the behaviour (for example, it must escalate). */
  REQUIRED,
  /** The reply must not show the behaviour (for example, it must not refuse a fair question). */
  FORBIDDEN,
  /** The behaviour is not checked. */
  UNCHECKED;

  /** The expectation a case file's boolean states. */
  public static Expectation of(boolean required) {
    return required ? REQUIRED : FORBIDDEN;
  }

  /** The boolean a case file writes for this expectation; empty when unchecked. */
  public Optional<Boolean> asBoolean() {
    return switch (this) {
      case REQUIRED -> Optional.of(true);
      case FORBIDDEN -> Optional.of(false);
      case UNCHECKED -> Optional.empty();
    };
  }
}
