package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceWindowChunkerTest {

  private static final String TEXT = "First one. Second one? Third one!\n\nFourth one. Fifth one.";
  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  private static String window(Document document, Chunk chunk) {
    return document.text().substring(
        Integer.parseInt(chunk.metadata().get(ChunkMetadata.WINDOW_START)),
        Integer.parseInt(chunk.metadata().get(ChunkMetadata.WINDOW_END)));
  }

  @Test
  void each_sentence_is_a_chunk_and_its_window_spans_k_neighbours_on_each_side() {
    Document document = TestDocuments.document(TEXT);
    List<Chunk> chunks = new SentenceWindowChunker(tokenizer, 1, 64).chunk(document);
    assertThat(chunks).extracting(Chunk::text).containsExactly("First one.", "Second one?",
        "Third one!", "Fourth one.", "Fifth one.");
    assertThat(window(document, chunks.get(0))).isEqualTo("First one. Second one?");
    assertThat(window(document, chunks.get(2))).isEqualTo("Second one? Third one!\n\nFourth one.");
    assertThat(window(document, chunks.get(4))).isEqualTo("Fourth one. Fifth one.");
    assertThat(chunks.get(0).metadata()).containsEntry(ChunkMetadata.CHUNKER, "sentence-window");
  }

  @Test
  void a_window_of_zero_is_the_sentence_itself() {
    Document document = TestDocuments.document(TEXT);
    List<Chunk> chunks = new SentenceWindowChunker(tokenizer, 0, 64).chunk(document);
    assertThat(chunks).allSatisfy(chunk -> assertThat(window(document, chunk)).isEqualTo(chunk.text()));
  }

  @Test
  void a_sentence_over_the_token_limit_is_split_into_pieces_that_each_count_as_a_sentence() {
    Document document = TestDocuments.document("Short one. Word " + "word ".repeat(9).strip() + ".");
    List<Chunk> chunks = new SentenceWindowChunker(tokenizer, 1, 4).chunk(document);
    assertThat(chunks).extracting(Chunk::text).containsExactly("Short one.", "Word word word word",
        "word word word word", "word word.");
    assertThat(window(document, chunks.get(1)))
        .isEqualTo("Short one. Word " + "word ".repeat(7).strip());
  }
}
