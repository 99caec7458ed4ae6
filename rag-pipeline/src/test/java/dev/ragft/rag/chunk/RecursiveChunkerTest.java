package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecursiveChunkerTest {

  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  private static List<String> texts(int maxTokens, String text) {
    return new RecursiveChunker(tokenizer, maxTokens).chunk(TestDocuments.document(text)).stream()
        .map(Chunk::text).toList();
  }

  @Test
  void paragraphs_that_fit_together_are_merged_into_one_chunk() {
    String text = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.";
    assertThat(texts(100, text)).containsExactly(text);
  }

  @Test
  void paragraphs_are_kept_whole_and_merged_greedily_up_to_the_limit() {
    String text = "One two three.\n\nFour five six.\n\nSeven eight nine.";
    assertThat(texts(8, text)).containsExactly("One two three.\n\nFour five six.",
        "Seven eight nine.");
  }

  @Test
  void a_paragraph_over_the_limit_is_cut_at_sentences_before_words() {
    String text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota kappa.";
    assertThat(texts(8, text))
        .containsExactly("Alpha beta gamma. Delta epsilon zeta.", "Eta theta iota kappa.");
  }

  @Test
  void a_sentence_over_the_limit_is_cut_at_lines_then_words() {
    String text = "one two three\nfour five six seven eight";
    assertThat(texts(4, text)).containsExactly("one two three", "four five six seven", "eight");
  }

  @Test
  void only_a_word_longer_than_the_limit_is_cut_between_its_tokens() {
    String text = "short antidisestablishmentarianism end";
    assertThat(texts(3, text)).containsExactly("short", "antidisest", "ablishment", "arianism",
        "end");
  }

  @Test
  void crlf_text_is_cut_at_its_blank_lines_and_offsets_include_the_carriage_returns() {
    String text = "First line.\r\n\r\nSecond line.\r\n";
    Document document = TestDocuments.document(text);
    List<Chunk> chunks = new RecursiveChunker(tokenizer, 3).chunk(document);
    assertThat(chunks).extracting(Chunk::text).containsExactly("First line.", "Second line.");
    assertThat(chunks.get(1).start()).isEqualTo(15);
  }
}
