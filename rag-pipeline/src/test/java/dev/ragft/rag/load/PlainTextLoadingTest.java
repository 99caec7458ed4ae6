package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.InputProblems;
import dev.ragft.common.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextLoadingTest {

  @TempDir
  Path dir;

  @Test
  void a_text_file_is_one_document_with_normalized_line_endings_and_no_byte_order_mark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "Line one\r\nLine two\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Loads.write(dir, "notes/a.txt", bytes);

    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(problems, dir);

    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.id()).isEqualTo("notes/a.txt");
      assertThat(document.source()).isEqualTo("notes/a.txt");
      assertThat(document.version()).isEqualTo("v1");
      assertThat(document.title()).isEmpty();
      assertThat(document.text()).isEqualTo("Line one\nLine two");
      assertThat(document.metadata()).containsExactly(Map.entry("format", "text"));
      assertThat(document.contentHash())
          .isEqualTo(Document.hashOf("", "Line one\nLine two", document.metadata()));
    });
    assertThat(problems.total()).isZero();
  }

  @Test
  void bytes_that_are_not_utf8_are_replaced_and_reported_with_their_line() {
    Loads.write(dir, "latin1.txt", new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(problems, dir);
    assertThat(documents).singleElement().extracting(Document::text).isEqualTo("ok\ncaf\uFFFD");
    assertThat(problems.count(ProblemKind.INVALID_UTF8)).isEqualTo(1);
    assertThat(problems.messages()).containsExactly(dir.resolve("latin1.txt")
        + ":2: bytes that are not valid UTF-8 were replaced with U+FFFD");
  }

  @Test
  void an_empty_file_is_skipped_and_counted() {
    Loads.write(dir, "empty.txt", " \n\n\t\n");
    Loads.write(dir, "full.txt", "content");
    InputProblems problems = InputProblems.collecting();
    assertThat(Loads.all(problems, dir)).extracting(Document::id).containsExactly("full.txt");
    assertThat(problems.count(ProblemKind.EMPTY_DOCUMENT)).isEqualTo(1);
    assertThat(problems.messages()).containsExactly(
        dir.resolve("empty.txt") + ": document \"empty.txt\" has no text (skipped)");
  }

  @Test
  void text_over_the_character_limit_is_reported_as_too_large_and_skipped() {
    Loads.write(dir, "big.txt", "0123456789\nabc");
    Loads.write(dir, "small.txt", "0123456789");
    InputProblems problems = InputProblems.collecting();
    LoadConfig config = LoadConfig.builder(List.of(dir)).maxDocumentChars(10).build();
    assertThat(Loads.all(config, problems)).extracting(Document::id).containsExactly("small.txt");
    assertThat(problems.count(ProblemKind.TOO_LARGE)).isEqualTo(1);
    assertThat(problems.messages()).containsExactly(dir.resolve("big.txt")
        + ": text is longer than the limit of 10 characters (skipped)");
  }

  @Test
  void a_file_over_the_byte_limit_is_not_even_read() {
    Loads.write(dir, "big.txt", "0123456789");
    InputProblems problems = InputProblems.collecting();
    LoadConfig config = LoadConfig.builder(List.of(dir)).maxFileBytes(5).build();
    assertThat(Loads.all(config, problems)).isEmpty();
    assertThat(problems.messages()).containsExactly(dir.resolve("big.txt")
        + ": file has 10 bytes, more than the limit of 5 (skipped)");
    assertThat(problems.count(ProblemKind.TOO_LARGE)).isEqualTo(1);
  }
}
