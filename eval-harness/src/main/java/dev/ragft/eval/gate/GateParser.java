package dev.ragft.eval.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses gate expressions. The grammar, with optional whitespace between tokens:
 * <pre>
 * gate   = clause { ";" clause } [ ";" ]
 * clause = metric op number
 * metric = name { "." name }          name = [A-Za-z0-9_][A-Za-z0-9_-]*
 * op     = "&gt;=" | "&lt;=" | "==" | "!=" | "&gt;" | "&lt;"
 * number = [+-] digits [ "." digits ] [ (e|E) [+-] digits ] [ "%" ]
 * </pre>
 * A number ending in {@code %} is divided by 100. Every error names the column where it was found.
 */
public final class GateParser {

  private static final Pattern METRIC =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*");
  private static final Pattern OP = Pattern.compile(">=|<=|==|!=|>|<");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?%?");
  private static final Pattern TOKEN = Pattern.compile("[^\\s;]+");

  private final String text;
  private int at;

  private GateParser(String text) {
    this.text = text;
  }

  /**
   * Parses a gate into its clauses, in order.
   *
   * @throws GateSyntaxException when the expression is malformed
   */
  public static List<Clause> parse(String expression) {
    return new GateParser(expression).gate();
  }

  private List<Clause> gate() {
    List<Clause> clauses = new ArrayList<>();
    skipSpace();
    if (at == text.length()) {
      throw error(0, "the gate is empty; write clauses like hybrid.pass_rate >= 0.8");
    }
    while (true) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == ';') {
        throw error(at, "empty clause before \";\"");
      }
      clauses.add(clause());
      skipSpace();
      if (at == text.length()) {
        return clauses;
      }
      if (text.charAt(at) != ';') {
        throw error(at, "unexpected " + found() + " after the number; separate clauses with \";\"");
      }
      at++;
      skipSpace();
      if (at == text.length()) {
        return clauses;
      }
    }
  }

  private Clause clause() {
    int start = at;
    String metric = match(METRIC);
    if (metric == null) {
      throw error(at, "expected a metric name such as hybrid.pass_rate, but found " + found());
    }
    skipSpace();
    String op = match(OP);
    if (op == null) {
      throw error(at, "expected a comparison (>=, >, <=, <, ==, !=) after \"" + metric
          + "\", but found " + found());
    }
    skipSpace();
    int numberAt = at;
    String number = match(NUMBER);
    if (number == null) {
      throw error(at, "expected a number after \"" + op + "\", but found " + found());
    }
    if (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != ';') {
      throw error(numberAt, "expected a number after \"" + op + "\", but found " + found(numberAt));
    }
    double value = number.endsWith("%")
        ? Double.parseDouble(number.substring(0, number.length() - 1)) / 100
        : Double.parseDouble(number);
    Comparison comparison = null;
    for (Comparison c : Comparison.values()) {
      if (c.symbol().equals(op)) {
        comparison = c;
      }
    }
    return new Clause(text.substring(start, at).strip(), metric, start, comparison, value);
  }

  private String match(Pattern pattern) {
    Matcher m = pattern.matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    at = m.end();
    return m.group();
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private String found() {
    return found(at);
  }

  private String found(int from) {
    if (from >= text.length()) {
      return "the end of the gate";
    }
    if (text.charAt(from) == ';') {
      return "\";\"";
    }
    Matcher m = TOKEN.matcher(text).region(from, text.length());
    return m.lookingAt() ? "\"" + m.group() + "\"" : "\"" + text.charAt(from) + "\"";
  }

  private GateSyntaxException error(int position, String problem) {
    return new GateSyntaxException(text, position, problem);
  }
}
