package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.HfTokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownHeadingChunkerTest {

  private static HfTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  private static List<Chunk> chunks(int maxTokens, String text) {
    return new MarkdownHeadingChunker(tokenizer, maxTokens).chunk(TestDocuments.document(text));
  }

  private static String path(Chunk chunk) {
    return chunk.metadata().getOrDefault(ChunkMetadata.HEADING_PATH, "(none)");
  }

  @Test
  void each_section_is_a_chunk_carrying_the_path_of_headings_above_it() {
    String text = """
        Preamble text.

        # Pricing

        Plans and prices.

        ## Enterprise

        Call sales.

        ### Discounts *for* `ngo`

        Half price.

        ## Team

        Per seat.
        """;
    List<Chunk> chunks = chunks(200, text);
    assertThat(chunks).extracting(Chunk::text).containsExactly("Preamble text.",
        "# Pricing\n\nPlans and prices.", "## Enterprise\n\nCall sales.",
        "### Discounts *for* `ngo`\n\nHalf price.", "## Team\n\nPer seat.");
    assertThat(chunks).extracting(MarkdownHeadingChunkerTest::path).containsExactly("(none)",
        "Pricing", "Pricing > Enterprise", "Pricing > Enterprise > Discounts for ngo",
        "Pricing > Team");
    assertThat(chunks.get(1).metadata()).containsEntry(ChunkMetadata.CHUNKER, "markdown");
  }

  @Test
  void a_hash_line_in_a_code_block_is_not_a_heading_and_setext_headings_are() {
    String text = "Guide\n=====\n\n```bash\n# install it\nmake\n```\n\nUsage\n-----\n\nRun it.";
    List<Chunk> chunks = chunks(200, text);
    assertThat(chunks).extracting(Chunk::text).containsExactly(
        "Guide\n=====\n\n```bash\n# install it\nmake\n```", "Usage\n-----\n\nRun it.");
    assertThat(chunks).extracting(MarkdownHeadingChunkerTest::path)
        .containsExactly("Guide", "Guide > Usage");
  }

  @Test
  void a_long_section_is_split_further_and_every_piece_keeps_the_heading_path() {
    String text = "# Limits\n\n## Rate\n\n" + "Requests are limited per minute. ".repeat(12);
    List<Chunk> chunks = chunks(16, text);
    assertThat(chunks).hasSizeGreaterThan(3);
    assertThat(chunks.subList(1, chunks.size()))
        .allSatisfy(chunk -> assertThat(path(chunk)).isEqualTo("Limits > Rate"));
    assertThat(chunks.get(0).text()).isEqualTo("# Limits");
  }

  @Test
  void crlf_markdown_keeps_offsets_into_the_original_text() {
    String text = "# One\r\nfirst\r\n\r\n# Two\r\nsecond\r\n";
    Document document = TestDocuments.document("crlf.md", text, Map.of());
    List<Chunk> chunks = new MarkdownHeadingChunker(tokenizer, 50).chunk(document);
    assertThat(chunks).extracting(Chunk::text).containsExactly("# One\r\nfirst", "# Two\r\nsecond");
    assertThat(chunks).extracting(MarkdownHeadingChunkerTest::path).containsExactly("One", "Two");
    assertThat(chunks.get(1).start()).isEqualTo(text.indexOf("# Two"));
  }
}
