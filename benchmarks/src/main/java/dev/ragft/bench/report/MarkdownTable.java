package dev.ragft.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row, and the number formats the report uses. */
final class MarkdownTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row; it must have one cell per column. */
  MarkdownTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row needs " + header.size() + " cells, but has "
          + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, one line per row, ending with a newline. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  /** A time in milliseconds with three significant digits (at least one decimal below 100). */
  static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "n/a";
    }
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f", ms);
    }
    if (ms >= 10) {
      return String.format(Locale.ROOT, "%.1f", ms);
    }
    if (ms >= 1) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    return String.format(Locale.ROOT, "%.3f", ms);
  }

  /** A ratio such as {@code 1.07×}. */
  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a"
        : String.format(Locale.ROOT, value >= 100 ? "%.0f×" : "%.2f×", value);
  }

  /** A metric in [0, 1] with three decimals, or {@code n/a}. */
  static String fraction(Object value) {
    return value instanceof Number number
        ? String.format(Locale.ROOT, "%.3f", number.doubleValue()) : "n/a";
  }

  /** A whole number, or {@code n/a}. */
  static String count(Object value) {
    return value instanceof Number number ? Long.toString(Math.round(number.doubleValue()))
        : "n/a";
  }

  /** A number with one decimal, or {@code n/a}. */
  static String number(Object value) {
    return value instanceof Number number
        ? String.format(Locale.ROOT, "%.1f", number.doubleValue()) : "n/a";
  }
}
