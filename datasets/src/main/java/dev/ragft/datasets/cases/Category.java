package dev.ragft.datasets.cases;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of failure a case is written to expose. It is a hint the diagnosis compares with what
 * the setups actually show, not a label the harness trusts.
 */
public enum Category {
  /** Needs facts the model cannot know: private, recent or changed ones. Retrieval should fix it. */
  KNOWLEDGE,
  /** Needs a format, tone or policy the model does not follow by itself. Fine-tuning should fix it. */
  BEHAVIOUR,
  /** Needs both the right facts and the right behaviour. */
  HYBRID,
  /** A general question any capable model answers; shows that a setup did not break the model. */
  CONTROL;

  /** The name used in case files: {@code knowledge}, {@code behaviour}, {@code hybrid}, {@code control}. */
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
