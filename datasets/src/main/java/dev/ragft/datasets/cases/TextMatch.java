package dev.ragft.datasets.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a required fact or a forbidden claim is recognised in a reply. The harness applies it; the
 * semantics are part of the case format (see {@code docs/failure-cases.md}).
 */
public sealed interface TextMatch {

  /**
   * A match for any of several acceptable texts (the gold answers of a benchmark question): a
   * {@link Contains} when they are all the same up to case and whitespace, otherwise a
   * case-insensitive {@link Matches} of their alternatives with any whitespace between words.
   *
   * @throws IllegalArgumentException when {@code texts} is empty or holds a blank text
   */
  static TextMatch anyOf(List<String> texts) {
    List<String> distinct = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (String text : texts) {
      String normal = text.strip().replaceAll("\\s+", " ");
      if (normal.isEmpty()) {
        throw new IllegalArgumentException("an acceptable text must not be blank");
      }
      String key = normal.toLowerCase(Locale.ROOT);
      if (!keys.contains(key)) {
        keys.add(key);
        distinct.add(normal);
      }
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("give at least one acceptable text");
    }
    if (distinct.size() == 1) {
      return new Contains(distinct.getFirst());
    }
    List<String> alternatives = new ArrayList<>();
    for (String text : distinct) {
      List<String> words = new ArrayList<>();
      for (String word : text.split(" ")) {
        words.add(Pattern.quote(word));
      }
      alternatives.add(String.join("\\s+", words));
    }
    return Matches.of("(?iu)(?:" + String.join("|", alternatives) + ")");
  }

  /**
   * Matches when the reply contains {@code text}, ignoring case and treating any run of
   * whitespace as one space.
   *
   * @param text the text to look for; never blank
   */
  record Contains(String text) implements TextMatch {

    /** Validates the text. */
    public Contains {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("the text to look for must not be blank");
      }
    }
  }

  /**
   * Matches when the regular expression is found anywhere in the reply
   * ({@link java.util.regex.Matcher#find()}); use {@code (?i)} for case-insensitive matching.
   *
   * @param regex the expression
   */
  record Matches(Regex regex) implements TextMatch {

    /** Validates the expression. */
    public Matches {
      Objects.requireNonNull(regex, "regex");
    }

    /** Compiles {@code source} into a match. */
    public static Matches of(String source) {
      return new Matches(Regex.of(source));
    }
  }
}
