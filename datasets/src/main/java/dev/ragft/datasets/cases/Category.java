package dev.ragft.datasets.cases;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of failure a case is written to expose. It is a hint the diagnosis compares with what
 * the setups actually show, not a label the harness trusts.
 */
public enum Category {
  /** Needs facts the model cannot know: private, recent or changed ones. Retrieval fixes it. */
  KNOWLEDGE,
  /** Needs a format, tone or policy the model does not follow by itself. Fine-tuning fixes it. */
  BEHAVIOUR,
  /** Needs both the right facts and the right behaviour. */
  HYBRID,
  /** A general question any capable model answers; shows that a setup did not break the model. */
  CONTROL;

  /** The name used in case files: the constant in lower case, such as {@code knowledge}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category whose {@linkplain #wireName() wire name} is {@code text}, if any. */
  public static Optional<Category> fromWireName(String text) {
    for (Category category : values()) {
      if (category.wireName().equals(text)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
