package dev.ragft.datasets.scenario;

import java.util.Objects;

/**
 * A fact stated in one document whose value differs between two corpus versions. The old value
 * appears in the document's old version and not in its new one.
 *
 * @param docId the document that states the fact (its id is the same in both versions)
 * @param factId the fact's id in the scenario's fact table
 * @param kind what kind of fact it is
 * @param oldValue the value in {@code oldVersion}, as written in the document
 * @param newValue the value in {@code newVersion}, as written in the document
 * @param oldVersion the earlier corpus version
 * @param newVersion the later corpus version
 */
public record ChangedFact(String docId, String factId, FactKind kind, String oldValue,
    String newValue, String oldVersion, String newVersion) {

  /** Validates the components. */
  public ChangedFact {
    for (String text : new String[] {docId, factId, oldValue, newValue, oldVersion, newVersion}) {
      Objects.requireNonNull(text, "a changed fact has a null field");
      if (text.isBlank()) {
        throw new IllegalArgumentException("a changed fact has a blank field");
      }
    }
    Objects.requireNonNull(kind, "kind");
    if (oldValue.equals(newValue)) {
      throw new IllegalArgumentException("fact " + factId + " has the same value in both versions");
    }
  }
}
