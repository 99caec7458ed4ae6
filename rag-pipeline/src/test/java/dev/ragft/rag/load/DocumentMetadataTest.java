package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentMetadataTest {

  @Test
  void the_page_of_an_offset_is_the_last_page_starting_at_or_before_it() {
    Map<String, String> metadata = Map.of(DocumentMetadata.PAGE_OFFSETS, "0,10,10,25");
    assertThat(DocumentMetadata.pageAt(metadata, 0)).hasValue(1);
    assertThat(DocumentMetadata.pageAt(metadata, 9)).hasValue(1);
    assertThat(DocumentMetadata.pageAt(metadata, 10)).hasValue(3);
    assertThat(DocumentMetadata.pageAt(metadata, 24)).hasValue(3);
    assertThat(DocumentMetadata.pageAt(metadata, 1000)).hasValue(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a,b", "0,5,3", "-1", "0,,4"})
  void a_missing_or_malformed_page_table_gives_no_page(String table) {
    assertThat(DocumentMetadata.pageAt(Map.of(DocumentMetadata.PAGE_OFFSETS, table), 3)).isEmpty();
    assertThat(DocumentMetadata.pageAt(Map.of(), 3)).isEmpty();
  }
}
