package dev.ragft.datasets.scenario;

import java.util.Locale;
import java.util.Optional;

/** What kind of fact changed between two corpus versions. */
public enum FactKind {
  /** A price or fee. */
  PRICE,
  /** A quota, size or count limit. */
  LIMIT,
  /** A calendar date. */
  DATE,
  /** A length of time. */
  DURATION,
  /** A feature or product name. */
  RENAME,
  /** A policy or programme that no longer exists. */
  RETIRED,
  /** A rule that works differently. */
  POLICY,
  /** A name, address or identifier. */
  NAME,
  /** Any other figure. */
  NUMBER;

  /** The name used in files: the constant in lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@linkplain #wireName() wire name} is {@code text}, if any. */
  public static Optional<FactKind> fromWireName(String text) {
    for (FactKind kind : values()) {
      if (kind.wireName().equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
