package dev.ragft.rag.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The text analyzers a BM25 field can use, by name. {@code english} is Lucene's
 * {@link EnglishAnalyzer}: standard tokenization, English possessives removed, lower case,
 * Lucene's English stop words, Porter stemming; the same chain as Anserini's default analyzer,
 * which its published BEIR numbers use.
 */
public final class Analyzers {

  /** The analyzer names, the default first. */
  public static final List<String> NAMES = List.of("english", "standard", "whitespace");

  private Analyzers() {
  }

  /** A new analyzer by name. */
  public static Analyzer create(String name) {
    check(name);
    return switch (name) {
      case "english" -> new EnglishAnalyzer();
      case "standard" -> new StandardAnalyzer();
      default -> new WhitespaceAnalyzer();
    };
  }

  /** Fails with a message naming the known analyzers unless {@code name} is one. */
  static void check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "analyzer must be one of " + String.join(", ", NAMES) + ", but is: " + name);
    }
  }
}
