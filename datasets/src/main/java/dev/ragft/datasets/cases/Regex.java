package dev.ragft.datasets.cases;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compiled Java regular expression that is equal to another when its source and flags are, so
 * that records holding one compare by value.
 *
 * @param pattern the compiled expression
 */
public record Regex(Pattern pattern) {

  /** Validates the component. */
  public Regex {
    Objects.requireNonNull(pattern, "pattern");
  }

  /**
   * Compiles {@code source} with {@link Pattern#compile(String)}; inline flags such as
   * {@code (?i)} set options.
   *
   * @throws java.util.regex.PatternSyntaxException when the expression does not compile
   */
  public static Regex of(String source) {
    return new Regex(Pattern.compile(source));
  }

  /** The expression's source text. */
  public String source() {
    return pattern.pattern();
  }

  /** Whether the expression matches somewhere in {@code text}. */
  public boolean foundIn(CharSequence text) {
    return pattern.matcher(text).find();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Regex that
        && pattern.pattern().equals(that.pattern.pattern())
        && pattern.flags() == that.pattern.flags();
  }

  @Override
  public int hashCode() {
    return pattern.pattern().hashCode() * 31 + pattern.flags();
  }

  @Override
  public String toString() {
    return "Regex[" + pattern.pattern() + "]";
  }
}
