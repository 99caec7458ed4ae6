package dev.ragft.datasets.beir;

import java.util.Objects;

/**
 * A query of a BEIR dataset.
 *
 * @param id the {@code _id}; never blank
 * @param text the query text; never blank
 */
public record BeirQuery(String id, String text) {

  /** Validates the components. */
  public BeirQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("a query needs a non-blank id and text");
    }
  }
}
