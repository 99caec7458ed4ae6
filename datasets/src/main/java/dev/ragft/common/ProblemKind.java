package dev.ragft.common;

/** The kinds of bad input that readers report and count rather than silently drop. */
public enum ProblemKind {
  /** A record that does not parse or lacks a required field. */
  MALFORMED_RECORD,
  /** Bytes that are not valid UTF-8; they were replaced with U+FFFD. */
  INVALID_UTF8,
  /** A document with no text; it was skipped. */
  EMPTY_DOCUMENT,
  /** A file that could not be read or parsed as its format (a broken PDF, say); it was skipped. */
  UNREADABLE_FILE,
  /** A record over a size limit; it was skipped or cut, as the message says. */
  TOO_LARGE
}
