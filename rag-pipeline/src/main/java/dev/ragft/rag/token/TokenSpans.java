package dev.ragft.rag.token;

import java.util.Arrays;

/**
 * The character spans of a text's tokens: token {@code i} covers {@code text.substring(start(i),
 * end(i))}. Offsets are Java {@code char} indices (UTF-16 code units). Immutable.
 */
public final class TokenSpans {

  private static final TokenSpans EMPTY = new TokenSpans(new int[0], new int[0]);

  private final int[] starts;
  private final int[] ends;

  /**
   * Creates spans from parallel arrays (copied).
   *
   * @throws IllegalArgumentException when the arrays differ in length, a span is empty or
   *     negative, or the spans are not sorted by start and by end
   */
  public TokenSpans(int[] starts, int[] ends) {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException("starts and ends must have the same length, but have: "
          + starts.length + " and " + ends.length);
    }
    this.starts = starts.clone();
    this.ends = ends.clone();
    for (int i = 0; i < this.starts.length; i++) {
      if (this.starts[i] < 0 || this.ends[i] <= this.starts[i]) {
        throw new IllegalArgumentException("token " + i + " must have 0 <= start < end, but is: ["
            + this.starts[i] + ", " + this.ends[i] + ")");
      }
      if (i > 0 && (this.starts[i] < this.starts[i - 1] || this.ends[i] < this.ends[i - 1])) {
        throw new IllegalArgumentException("token " + i + " [" + this.starts[i] + ", "
            + this.ends[i] + ") is out of order after [" + this.starts[i - 1] + ", "
            + this.ends[i - 1] + ")");
      }
    }
  }

  /** No tokens. */
  public static TokenSpans empty() {
    return EMPTY;
  }

  /** The number of tokens. */
  public int size() {
    return starts.length;
  }

  /** The character index where token {@code i} starts. */
  public int start(int i) {
    return starts[i];
  }

  /** The character index just after token {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** The index of the first token that starts at or after {@code offset}; {@link #size()} if none. */
  public int firstAtOrAfter(int offset) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The index of the first token that ends after {@code offset}; {@link #size()} if none. */
  public int firstEndingAfter(int offset) {
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ends[mid] <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The number of tokens lying wholly inside the characters {@code [from, to)}. */
  public int countWithin(int from, int to) {
    int first = firstAtOrAfter(from);
    int last = firstEndingAfter(to);
    return Math.max(0, last - first);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSpans spans
        && Arrays.equals(starts, spans.starts) && Arrays.equals(ends, spans.ends);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    return "TokenSpans[" + starts.length + " tokens]";
  }
}
