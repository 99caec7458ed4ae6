package dev.ragft.common;

/** What a reader does with a bad record: skip it (reporting and counting it) or stop the run. */
public enum OnError {
  /** Report the bad record, count it, and go on with the next one. */
  SKIP,
  /** Stop at the first bad record with an {@link InputException}. */
  FAIL;

  /** Parses {@code skip} or {@code fail}, case-insensitively, naming the option on failure. */
  public static OnError parse(String option, String value) {
    for (OnError mode : values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        option + " must be skip or fail, but is: " + value);
  }
}
