package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void words_are_distinct_and_at_least_two_syllables() {
    Set<String> words = new HashSet<>();
    for (int rank = 0; rank < SyntheticCorpus.VOCABULARY; rank++) {
      String word = Vocabulary.word(rank);
      assertThat(word).matches("([bcdfghjklmnprtvz][aeiou]){2,}");
      words.add(word);
    }
    assertThat(words).hasSize(SyntheticCorpus.VOCABULARY);
    assertThat(Vocabulary.word(0)).isEqualTo("babe");
    assertThat(Vocabulary.word(1)).isEqualTo("bebe");
  }

  @Test
  void english_analysis_keeps_nearly_every_word_a_term_of_its_own() throws IOException {
    Set<String> terms = new HashSet<>();
    int dropped = 0;
    try (Analyzer analyzer = new EnglishAnalyzer()) {
      for (int rank = 0; rank < SyntheticCorpus.VOCABULARY; rank++) {
        try (TokenStream tokens = analyzer.tokenStream("f", Vocabulary.word(rank))) {
          CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
          tokens.reset();
          if (tokens.incrementToken()) {
            terms.add(term.toString());
          } else {
            dropped++;
          }
          tokens.end();
        }
      }
    }
    assertThat(dropped).as("words removed as stop words").isZero();
    assertThat(terms.size()).isGreaterThan((int) (SyntheticCorpus.VOCABULARY * 0.99));
  }

  @Test
  void a_negative_rank_is_refused() {
    assertThatThrownBy(() -> Vocabulary.word(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("word rank must be >= 0, but is: -1");
  }
}
