package dev.ragft.bench.synthetic;

/**
 * The words of synthetic text: rank {@code r} is a pronounceable pseudo-word of two or more
 * consonant-vowel syllables, distinct for every rank, so that after Lucene's English analysis
 * (lower case, stop words, Porter stemming) almost every rank is its own term and none is a stop
 * word. Words end in a vowel, which keeps the stemmer from folding two ranks together.
 */
public final class Vocabulary {

  private static final String CONSONANTS = "bcdfghjklmnprtvz";
  private static final String VOWELS = "aeiou";
  private static final int SYLLABLES = CONSONANTS.length() * VOWELS.length();

  private Vocabulary() {
  }

  /** The word of rank {@code rank} (0 is the most frequent). */
  public static String word(int rank) {
    if (rank < 0) {
      throw new IllegalArgumentException("word rank must be >= 0, but is: " + rank);
    }
    long n = (long) rank + SYLLABLES;
    StringBuilder word = new StringBuilder(8);
    while (n > 0) {
      int syllable = (int) (n % SYLLABLES);
      word.append(CONSONANTS.charAt(syllable / VOWELS.length()))
          .append(VOWELS.charAt(syllable % VOWELS.length()));
      n /= SYLLABLES;
    }
    return word.toString();
  }
}
