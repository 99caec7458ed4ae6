package dev.ragft.datasets.squad;

import java.util.Objects;

/**
 * A SQuAD paragraph as a corpus document.
 *
 * @param id {@code <article title>#<0-based paragraph index>}
 * @param title the article title
 * @param text the paragraph ({@code context})
 */
public record SquadParagraph(String id, String title, String text) {

  /** Validates the components. */
  public SquadParagraph {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("paragraph " + id + " has no text");
    }
  }
}
