package dev.ragft.rag.context;

import java.util.List;
import java.util.Objects;

/**
 * One numbered passage of a context and where it came from.
 *
 * @param number the number the context shows, {@code [number]}, from 1
 * @param docId the document
 * @param source the document's source
 * @param version the document's version
 * @param title the document's title, or empty
 * @param start where the passage begins in the document text
 * @param end where it ends (exclusive)
 * @param chunkIds the chunks merged into the passage, best-ranked first
 * @param text the passage text, exactly the document text from {@code start} to {@code end}
 */
public record Citation(int number, String docId, String source, String version, String title,
    int start, int end, List<String> chunkIds, String text) {

  /** Validates the components. */
  public Citation {
    if (number < 1) {
      throw new IllegalArgumentException("citation number must be >= 1, but is: " + number);
    }
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    chunkIds = List.copyOf(chunkIds);
    Objects.requireNonNull(text, "text");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("citation [" + number + "] offsets [" + start + ", " + end
          + ") must span its " + text.length() + " characters");
    }
  }

  /** The marker the context shows, {@code [n]}. */
  public String marker() {
    return "[" + number + "]";
  }
}
