package dev.ragft.eval.result;

import java.util.Objects;

/**
 * One passage of the context a setup gave the model.
 *
 * @param number its citation number, {@code [number]}
 * @param docId the document
 * @param version the document version
 * @param source the document source
 * @param start the start offset in the document text
 * @param end the end offset
 * @param text the passage text
 * @param gold whether the document is one of the case's gold documents
 */
public record Passage(int number, String docId, String version, String source, int start,
    int end, String text, boolean gold) {

  /** Validates the components. */
  public Passage {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
