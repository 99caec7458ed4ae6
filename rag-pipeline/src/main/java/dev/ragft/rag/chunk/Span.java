package dev.ragft.rag.chunk;

/**
 * A range of characters {@code [start, end)} of a text.
 *
 * @param start the first character
 * @param end the character after the last
 */
record Span(int start, int end) {

  Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a range");
    }
  }

  /** The span without the whitespace at either end, or null when it is all whitespace. */
  static Span trimmed(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new Span(start, end) : null;
  }
}
