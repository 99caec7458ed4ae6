package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import dev.ragft.rag.token.TokenSpans;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenWindowChunkerTest {

  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @ParameterizedTest(name = "size {0}, overlap {1}")
  @CsvSource({"10, 0", "10, 3", "10, 9", "7, 2", "1, 0", "64, 16"})
  void neighbouring_windows_share_exactly_overlap_model_tokens(int size, int overlap) {
    Document document = TestDocuments.document(TestDocuments.prose(7L, 300));
    TokenSpans tokens = tokenizer.tokenize(document.text());
    List<Chunk> chunks = new TokenWindowChunker(tokenizer, size, overlap).chunk(document);

    int step = size - overlap;
    int expected = 1 + (Math.max(0, tokens.size() - size) + step - 1) / step;
    assertThat(chunks).hasSize(expected);
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      int first = tokens.firstAtOrAfter(chunk.start());
      assertThat(first).isEqualTo(i * step);
      int count = tokens.countWithin(chunk.start(), chunk.end());
      assertThat(count).isEqualTo(i < chunks.size() - 1 ? size : tokens.size() - first);
      assertThat(chunk.start()).isEqualTo(tokens.start(first));
      assertThat(chunk.end()).isEqualTo(tokens.end(first + count - 1));
      assertThat(chunk.metadata()).containsEntry(ChunkMetadata.CHUNKER, "fixed");
    }
  }

  @Test
  void a_text_shorter_than_one_window_is_one_chunk_without_its_outer_whitespace() {
    Document document = TestDocuments.document("\n  Tokens, not characters.  \n");
    List<Chunk> chunks = new TokenWindowChunker(tokenizer, 50, 10).chunk(document);
    assertThat(chunks).singleElement().satisfies(chunk -> {
      assertThat(chunk.text()).isEqualTo("Tokens, not characters.");
      assertThat(chunk.start()).isEqualTo(3);
      assertThat(chunk.id()).isEqualTo("docs/a.md#0");
    });
  }

  @Test
  void a_window_may_end_inside_a_word_between_its_word_pieces() {
    Document document = TestDocuments.document("tokenization matters");
    List<Chunk> chunks = new TokenWindowChunker(tokenizer, 1, 0).chunk(document);
    assertThat(chunks).extracting(Chunk::text).containsExactly("token", "ization", "matters");
  }

  @Test
  void overlap_must_be_smaller_than_the_window() {
    assertThatThrownBy(() -> new TokenWindowChunker(tokenizer, 8, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunk overlap must be < chunk size (8), but is: 8");
    assertThatThrownBy(() -> new TokenWindowChunker(tokenizer, 0, 0))
        .hasMessage("chunk size must be > 0, but is: 0");
    assertThatThrownBy(() -> new TokenWindowChunker(tokenizer, 8, -1))
        .hasMessage("chunk overlap must be >= 0, but is: -1");
  }
}
