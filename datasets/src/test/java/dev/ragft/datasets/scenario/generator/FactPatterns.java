package dev.ragft.datasets.scenario.generator;

/**
 * Turns a fact's value as written in a document into a regular expression that also accepts the
 * usual ways a reply writes it: any case, a hyphen or any whitespace between words ("14-day"),
 * the thousands comma optional ("1500"), a space after a currency sign, "plus" for "+", "a" or
 * "/" for "per" ("requests/minute"), and the plural "s" of the last word optional. The value must
 * not run on into a longer number.
 */
final class FactPatterns {

  private FactPatterns() {
  }

  static String tolerant(String value) {
    String[] words = value.strip().split("\\s+");
    StringBuilder regex = new StringBuilder("(?iu)");
    char first = value.charAt(0);
    if (Character.isDigit(first)) {
      regex.append("(?<![\\d.,])");
    } else if (Character.isLetter(first)) {
      regex.append("\\b");
    }
    boolean separated = true;
    for (int i = 0; i < words.length; i++) {
      if (words[i].equalsIgnoreCase("per") && i > 0 && i + 1 < words.length) {
        regex.append("(?:\\s*/\\s*|[\\s-]+(?:per|an?|each)[\\s-]+)");
        separated = true;
        continue;
      }
      if (!separated) {
        regex.append("[\\s-]+");
      }
      regex.append(word(words[i], i == words.length - 1));
      separated = false;
    }
    char last = value.charAt(value.length() - 1);
    if (Character.isDigit(last)) {
      regex.append("(?!\\d|[.,]\\d)");
    } else if (Character.isLetter(last)) {
      regex.append("\\b");
    }
    return regex.toString();
  }

  private static String word(String word, boolean last) {
    if (word.equals("+")) {
      return "(?:\\+|plus)";
    }
    boolean plural = last && word.length() > 3 && word.endsWith("s")
        && word.chars().allMatch(Character::isLetter);
    String body = plural ? word.substring(0, word.length() - 1) : word;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else if (c == ',' && i > 0 && i + 1 < body.length()
          && Character.isDigit(body.charAt(i - 1)) && Character.isDigit(body.charAt(i + 1))) {
        out.append(",?");
      } else if ((c == '£' || c == '$' || c == '€') && i + 1 < body.length()) {
        out.append(c).append("\\s?");
      } else {
        out.append('\\').append(c);
      }
    }
    if (plural) {
      out.append("s?");
    }
    return out.toString();
  }
}
