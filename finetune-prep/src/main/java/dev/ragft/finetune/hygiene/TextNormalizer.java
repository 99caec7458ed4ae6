package dev.ragft.finetune.hygiene;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How ragft compares texts for duplicates and leakage: Unicode NFKC, lower case, every run of
 * characters that are not letters or digits turned into one space. Also word n-gram shingles and
 * a stable 64-bit hash of them.
 */
public final class TextNormalizer {

  private TextNormalizer() {
  }

  /** The normalised text: {@code "What's  the Rate?"} becomes {@code "what s the rate"}. */
  public static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = true;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  /** The words of the normalised text. */
  public static List<String> words(String text) {
    String normalized = normalize(text);
    return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
  }

  /**
   * The word n-grams of {@code words}, joined by spaces, in first-seen order; a text shorter than
   * {@code n} words gives one shingle of all its words, and no words give none.
   */
  public static Set<String> shingles(List<String> words, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("shingle size must be > 0, but is: " + n);
    }
    Set<String> shingles = new LinkedHashSet<>();
    if (words.isEmpty()) {
      return shingles;
    }
    if (words.size() < n) {
      shingles.add(String.join(" ", words));
      return shingles;
    }
    List<String> window = new ArrayList<>(words.subList(0, n));
    shingles.add(String.join(" ", window));
    for (int i = n; i < words.size(); i++) {
      window.remove(0);
      window.add(words.get(i));
      shingles.add(String.join(" ", window));
    }
    return shingles;
  }

  /** The 64-bit FNV-1a hash of the text's UTF-8 bytes: stable across runs and machines. */
  public static long hash64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The Jaccard similarity |A ∩ B| / |A ∪ B| of two sets; 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0.0;
    }
    int common = intersection(a, b);
    return (double) common / (a.size() + b.size() - common);
  }

  /** The number of elements in both sets. */
  public static int intersection(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String s : small) {
      if (large.contains(s)) {
        common++;
      }
    }
    return common;
  }
}
