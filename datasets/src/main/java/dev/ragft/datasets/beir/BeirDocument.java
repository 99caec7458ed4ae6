package dev.ragft.datasets.beir;

import java.util.Objects;

/**
 * A document of a BEIR corpus.
 *
 * @param id the {@code _id}; never blank
 * @param title the title, empty when the corpus has none
 * @param text the body text
 */
public record BeirDocument(String id, String title, String text) {

  /** Validates the components. */
  public BeirDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a document id must not be blank");
    }
  }
}
