package dev.ragft.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

  private static JsonlReader reader(byte[] bytes, OnError onError, InputProblems problems) {
    return new JsonlReader(new ByteArrayInputStream(bytes), "corpus.jsonl", onError, problems);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void skip_policy_reports_malformed_lines_with_file_and_line_and_keeps_the_rest() {
    InputProblems problems = InputProblems.collecting();
    byte[] input = utf8("{\"_id\":\"a\"}\n{not json\n\n[1,2]\r\n{\"_id\":\"b\"}\n");
    try (JsonlReader reader = reader(input, OnError.SKIP, problems)) {
      List<String> ids = reader.map(line -> line.requireText("_id")).toList();
      assertThat(ids).containsExactly("a", "b");
      assertThat(reader.skipped()).isEqualTo(2);
    }
    assertThat(problems.count(ProblemKind.MALFORMED_RECORD)).isEqualTo(2);
    assertThat(problems.messages().get(0)).startsWith("corpus.jsonl:2: is not valid JSON");
    assertThat(problems.messages().get(1))
        .isEqualTo("corpus.jsonl:4: expected a JSON object, but found: array (skipped)");
  }

  @Test
  void fail_policy_throws_at_the_first_bad_record_naming_the_field() {
    byte[] input = utf8("{\"_id\":\"a\"}\n{\"title\":\"x\"}\n");
    try (JsonlReader reader = reader(input, OnError.FAIL, InputProblems.collecting())) {
      assertThatThrownBy(() -> reader.map(line -> line.requireText("_id")).toList())
          .isInstanceOf(InputException.class)
          .hasMessage("corpus.jsonl:2: field \"_id\" is missing");
    }
  }

  @Test
  void invalid_utf8_is_replaced_and_reported_with_its_line() {
    InputProblems problems = InputProblems.collecting();
    byte[] input = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
    try (JsonlReader reader = reader(input, OnError.FAIL, problems)) {
      JsonLine line = reader.next();
      assertThat(line.requireText("t")).isEqualTo("\uFFFD(");
      assertThat(reader.next()).isNull();
    }
    assertThat(problems.messages())
        .containsExactly("corpus.jsonl:1: bytes that are not valid UTF-8 were replaced with U+FFFD");
  }

  @Test
  void a_byte_order_mark_and_crlf_endings_are_accepted() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8("{\"_id\":\"1\"}\r\n{\"_id\":2}");
    byte[] input = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, input, 0, bom.length);
    System.arraycopy(body, 0, input, bom.length, body.length);
    try (JsonlReader reader = reader(input, OnError.FAIL, InputProblems.collecting())) {
      assertThat(reader.map(line -> line.requireText("_id")).toList()).containsExactly("1", "2");
    }
  }

  @Test
  void a_line_over_the_limit_is_an_input_error() {
    byte[] input = utf8("0123456789\n");
    try (Utf8LineReader lines = new Utf8LineReader(new ByteArrayInputStream(input), "big.jsonl",
        InputProblems.collecting(), 4)) {
      assertThatThrownBy(lines::readLine)
          .isInstanceOf(InputException.class)
          .hasMessage("big.jsonl:1: line is longer than 4 bytes; is this a line-oriented file?");
    }
  }
}
