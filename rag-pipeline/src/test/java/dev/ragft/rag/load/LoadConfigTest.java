package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.OnError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadConfigTest {

  @Test
  void defaults_live_in_one_place() {
    LoadConfig config = LoadConfig.of(Path.of("docs"));
    assertThat(config.include()).isEmpty();
    assertThat(config.exclude()).containsExactly("**/.*", "**/.*/**");
    assertThat(config.format()).isNull();
    assertThat(config.version()).isEqualTo("v1");
    assertThat(config.jsonlFields()).isEqualTo(new JsonlFields("id", "title", "text", "metadata"));
    assertThat(config.maxDocumentChars()).isEqualTo(20_000_000L);
    assertThat(config.maxFileBytes()).isEqualTo(256L << 20);
    assertThat(config.onError()).isEqualTo(OnError.SKIP);
  }

  @Test
  void bad_settings_name_the_setting_and_value() {
    assertThatThrownBy(() -> LoadConfig.builder(List.of()).build())
        .hasMessage("at least one input path is needed, but none was given");
    assertThatThrownBy(() -> LoadConfig.builder(List.of(Path.of("d"))).include(List.of("[a")).build())
        .hasMessageStartingWith("include glob \"[a\" is not valid: ");
    assertThatThrownBy(() -> LoadConfig.builder(List.of(Path.of("d"))).version(" ").build())
        .hasMessage("version must not be blank, but is: \" \"");
    assertThatThrownBy(() -> LoadConfig.builder(List.of(Path.of("d"))).maxDocumentChars(0).build())
        .hasMessage("max document size must be > 0 characters, but is: 0");
    assertThatThrownBy(() -> LoadConfig.builder(List.of(Path.of("d"))).maxFileBytes(-1).build())
        .hasMessage("max file size must be > 0 bytes, but is: -1");
    assertThatThrownBy(() -> new JsonlFields("", "t", "text", ""))
        .hasMessage("JSONL id field must not be blank, but is: \"\"");
  }

  @ParameterizedTest
  @CsvSource({"notes.txt, TEXT", "README.MD, MARKDOWN", "page.htm, HTML", "paper.pdf, PDF",
      "docs.ndjson, JSONL", "corpus.jsonl, BEIR", "other.jsonl, JSONL"})
  void the_format_follows_the_file_name(String name, DocumentFormat format) {
    assertThat(DocumentFormat.forFileName(name)).contains(format);
  }

  @Test
  void unknown_extensions_have_no_format_and_unknown_names_list_the_choices() {
    assertThat(DocumentFormat.forFileName("archive.zip")).isEmpty();
    assertThat(DocumentFormat.forFileName("Makefile")).isEmpty();
    assertThatThrownBy(() -> DocumentFormat.parse("--format", "docx"))
        .hasMessage("--format must be one of text, markdown, html, pdf, jsonl, beir, but is: docx");
    assertThat(DocumentFormat.parse("--format", "PDF")).isEqualTo(DocumentFormat.PDF);
  }
}
