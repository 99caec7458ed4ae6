package dev.ragft.eval.score;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exact match and token F1 with the SQuAD evaluation script's normalisation: lower case,
 * punctuation removed, the articles {@code a}, {@code an} and {@code the} removed, whitespace
 * collapsed. Tokens are the whitespace-separated words of the normalised text.
 */
public final class TokenOverlap {

  private TokenOverlap() {
  }

  /** The text normalised as SQuAD does (NFKC first, so look-alike characters compare equal). */
  public static String normalize(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String noPunctuation = lower.replaceAll("\\p{P}", "");
    String noArticles = noPunctuation.replaceAll("\\b(?:a|an|the)\\b", " ");
    return noArticles.replaceAll("\\s+", " ").strip();
  }

  /** The normalised tokens of {@code text}. */
  public static List<String> tokens(String text) {
    String normal = normalize(text);
    return normal.isEmpty() ? List.of() : Arrays.asList(normal.split(" "));
  }

  /** Whether the two texts are equal after normalisation. */
  public static boolean exactMatch(String prediction, String reference) {
    return normalize(prediction).equals(normalize(reference));
  }

  /**
   * The harmonic mean of token precision and recall, counting each token as often as it occurs
   * in both (a multiset intersection); 1 when both are empty, 0 when only one is.
   */
  public static double f1(String prediction, String reference) {
    List<String> predicted = tokens(prediction);
    List<String> expected = tokens(reference);
    if (predicted.isEmpty() || expected.isEmpty()) {
      return predicted.isEmpty() && expected.isEmpty() ? 1.0 : 0.0;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String token : expected) {
      counts.merge(token, 1, Integer::sum);
    }
    int common = 0;
    for (String token : predicted) {
      Integer left = counts.get(token);
      if (left != null && left > 0) {
        common++;
        counts.put(token, left - 1);
      }
    }
    if (common == 0) {
      return 0.0;
    }
    double precision = (double) common / predicted.size();
    double recall = (double) common / expected.size();
    return 2 * precision * recall / (precision + recall);
  }
}
