package dev.ragft.eval.gate;

/** A comparison operator of a gate clause; values compare exactly, as doubles. */
public enum Comparison {
  /** At least. */
  GE(">="),
  /** At most. */
  LE("<="),
  /** Equal. */
  EQ("=="),
  /** Not equal. */
  NE("!="),
  /** Greater than. */
  GT(">"),
  /** Less than. */
  LT("<");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written, e.g. {@code >=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code actual op threshold} holds. */
  public boolean test(double actual, double threshold) {
    return switch (this) {
      case GE -> actual >= threshold;
      case LE -> actual <= threshold;
      case EQ -> actual == threshold;
      case NE -> actual != threshold;
      case GT -> actual > threshold;
      case LT -> actual < threshold;
    };
  }
}
