package dev.ragft.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.DocumentMetadata;
import dev.ragft.rag.token.HfTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkTest {

  private static Chunk chunk(String id, int ordinal, String text, int start, int end) {
    return new Chunk(id, "doc", "v1", "doc.txt", "", ordinal, text, start, end, Map.of());
  }

  @Test
  void the_id_is_the_document_id_and_ordinal_joined_by_a_hash() {
    assertThat(Chunk.idOf("guides/pricing.md", 3)).isEqualTo("guides/pricing.md#3");
    assertThat(Chunk.idOf("a#1", 0)).isNotEqualTo(Chunk.idOf("a", 1));
    assertThatThrownBy(() -> chunk("doc-0", 0, "x", 0, 1))
        .hasMessage("chunk id must be \"doc#0\", but is: \"doc-0\"");
  }

  @Test
  void text_and_offsets_must_agree_and_text_must_not_be_blank() {
    assertThatThrownBy(() -> chunk("doc#0", 0, "abc", 2, 4))
        .hasMessage("chunk doc#0 offsets [2, 4) must be >= 0 and span its 3 characters");
    assertThatThrownBy(() -> chunk("doc#0", 0, " \n", 0, 2))
        .hasMessage("chunk doc#0 must have text, but it is blank");
    assertThatThrownBy(() -> chunk("doc#-1", -1, "x", 0, 1))
        .hasMessage("chunk ordinal must be >= 0, but is: -1");
  }

  @Test
  void metadata_is_copied_sorted_and_immutable() {
    Map<String, String> metadata = new HashMap<>(Map.of("b", "2", "a", "1"));
    Chunk chunk = new Chunk("d#0", "d", "v1", "d", "", 0, "x", 0, 1, metadata);
    metadata.put("c", "3");
    assertThat(chunk.metadata().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> chunk.metadata().put("z", "9"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void chunks_of_a_pdf_name_their_pages_instead_of_copying_the_page_table() {
    String text = "Page one text.\n\nPage two text.\n\nPage three.";
    Document pdf = TestDocuments.document("report.pdf", text, Map.of(
        DocumentMetadata.FORMAT, "pdf", DocumentMetadata.PAGES, "3",
        DocumentMetadata.PAGE_OFFSETS, "0,16,32"));
    try (HfTokenizer tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL)) {
      List<Chunk> chunks = new RecursiveChunker(tokenizer, 7).chunk(pdf);
      assertThat(chunks).extracting(Chunk::text)
          .containsExactly("Page one text.", "Page two text.\n\nPage three.");
      assertThat(chunks.get(0).metadata())
          .containsEntry(ChunkMetadata.PAGE_START, "1").containsEntry(ChunkMetadata.PAGE_END, "1")
          .doesNotContainKeys(DocumentMetadata.PAGES, DocumentMetadata.PAGE_OFFSETS);
      assertThat(chunks.get(1).metadata())
          .containsEntry(ChunkMetadata.PAGE_START, "2").containsEntry(ChunkMetadata.PAGE_END, "3");
    }
  }

  @Test
  void page_keys_of_a_document_that_is_not_a_pdf_are_ordinary_metadata() {
    Document jsonl = TestDocuments.document("row-1", "Some text.", Map.of(
        DocumentMetadata.FORMAT, "jsonl", DocumentMetadata.PAGE_OFFSETS, "see appendix"));
    try (HfTokenizer tokenizer = HfTokenizer.forModel(HfTokenizer.DEFAULT_MODEL)) {
      assertThat(new RecursiveChunker(tokenizer, 10).chunk(jsonl)).singleElement()
          .extracting(Chunk::metadata).isEqualTo(Map.of("chunker", "recursive", "format", "jsonl",
              DocumentMetadata.PAGE_OFFSETS, "see appendix"));
    }
  }
}
