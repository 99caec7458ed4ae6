package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.Hashes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentTest {

  @Test
  void the_content_hash_covers_title_text_and_metadata_but_not_identity() {
    Document a = Document.of("a", "a.md", "v1", "T", "body", Map.of("k", "v"));
    assertThat(a.contentHash()).hasSize(64)
        .isEqualTo(Document.of("b", "b.md", "v2", "T", "body", Map.of("k", "v")).contentHash())
        .isNotEqualTo(Document.of("a", "a.md", "v1", "U", "body", Map.of("k", "v")).contentHash())
        .isNotEqualTo(Document.of("a", "a.md", "v1", "T", "body!", Map.of("k", "v")).contentHash())
        .isNotEqualTo(Document.of("a", "a.md", "v1", "T", "body", Map.of("k", "w")).contentHash());
    assertThat(Document.hashOf("T", "body", Map.of()))
        .isEqualTo(Hashes.sha256("T\u0000body"))
        .isNotEqualTo(Document.hashOf("Tb", "ody", Map.of()));
  }

  @Test
  void metadata_is_copied_sorted_and_immutable() {
    Map<String, String> metadata = new HashMap<>(Map.of("z", "1", "a", "2"));
    Document document = Document.of("a", "a.md", "v1", "", "x", metadata);
    metadata.put("m", "3");
    assertThat(document.metadata().keySet()).containsExactly("a", "z");
    assertThatThrownBy(() -> document.metadata().put("b", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blank_identity_and_malformed_hashes_are_rejected_by_name() {
    assertThatThrownBy(() -> Document.of(" ", "a.md", "v1", "", "x", Map.of()))
        .hasMessage("document id must not be blank, but is: \" \"");
    assertThatThrownBy(() -> Document.of("a", "a.md", "", "", "x", Map.of()))
        .hasMessage("document version must not be blank, but is: \"\"");
    assertThatThrownBy(() -> new Document("a", "a.md", "v1", "", "x", Map.of(), "ABC"))
        .hasMessage("document content hash must be 64 lower-case hex digits, but is: ABC");
  }
}
