package dev.ragft.eval.diagnosis;

import java.util.Locale;

/** Number formatting for the diagnosis's sentences: fixed, locale-independent. */
final class Format {

  private Format() {
  }

  /** A share as a whole percentage, e.g. {@code 42%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
