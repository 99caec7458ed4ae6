package dev.ragft.eval.score;

import dev.ragft.datasets.cases.TextMatch;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Applies a case's {@link TextMatch} to a reply with the semantics of the case format: a
 * {@code contains} ignores case and treats any run of whitespace as one space; a {@code pattern}
 * is found anywhere ({@link Matcher#find()}).
 */
public final class TextMatches {

  private TextMatches() {
  }

  /** The text that matched, if the match is found in {@code text}. */
  public static Optional<String> find(TextMatch match, String text) {
    return switch (match) {
      case TextMatch.Contains contains -> {
        String haystack = normalize(text);
        String needle = normalize(contains.text());
        yield haystack.contains(needle) ? Optional.of(contains.text()) : Optional.empty();
      }
      case TextMatch.Matches matches -> {
        Matcher matcher = matches.regex().pattern().matcher(text);
        yield matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
      }
    };
  }

  /** Whether the match is found in {@code text}. */
  public static boolean foundIn(TextMatch match, String text) {
    return find(match, text).isPresent();
  }

  /** The match as shown in check details: {@code contains "£34"} or {@code pattern /…/}. */
  public static String describe(TextMatch match) {
    return switch (match) {
      case TextMatch.Contains contains -> "contains \"" + contains.text() + "\"";
      case TextMatch.Matches matches -> "pattern /" + matches.regex().source() + "/";
    };
  }

  /** Lower case (root locale), every run of whitespace one space, no leading or trailing space. */
  static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
