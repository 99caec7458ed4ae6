package dev.ragft.eval.report;

import dev.ragft.eval.stats.Interval;
import java.util.Locale;

/** The fixed number formats of every report, independent of the default locale. */
final class Fmt {

  private Fmt() {
  }

  /** A share as a percentage with one decimal, e.g. {@code 42.5%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** An interval of shares, e.g. {@code 30.0–55.0%}. */
  static String percent(Interval interval) {
    return String.format(Locale.ROOT, "%.1f–%.1f%%", interval.low() * 100, interval.high() * 100);
  }

  /** A signed difference of shares in percentage points, e.g. {@code +12.5 pp}. */
  static String points(double difference) {
    return String.format(Locale.ROOT, "%+.1f pp", difference * 100);
  }

  /** An interval of differences in percentage points. */
  static String points(Interval interval) {
    return String.format(Locale.ROOT, "%+.1f to %+.1f pp", interval.low() * 100, interval.high() * 100);
  }

  /** A p-value with four decimals, or {@code <0.0001}. */
  static String p(double value) {
    return value < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** A number with two decimals. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A number with one decimal. */
  static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** US dollars with four decimals. */
  static String usd(double value) {
    return String.format(Locale.ROOT, "$%.4f", value);
  }
}
