package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlLoadingTest {

  private static final JsonlFields FIELDS = new JsonlFields("doc_id", "heading", "body", "meta");

  @TempDir
  Path dir;

  @Test
  void configured_fields_give_id_title_text_and_string_metadata() {
    Loads.write(dir, "kb/export.jsonl", """
        {"doc_id": "a", "heading": "Alpha", "body": "Alpha text", "meta": {"lang": "en", \
        "year": 2024, "tags": ["x", "y"], "nested": {"k": 1}, "none": null}}
        {"doc_id": 7, "body": "Seven"}
        """);
    InputProblems problems = InputProblems.collecting();
    LoadConfig config = LoadConfig.builder(List.of(dir)).jsonlFields(FIELDS).version("v2").build();
    List<Document> documents = Loads.all(config, problems);

    assertThat(documents).hasSize(2);
    assertThat(documents.get(0)).satisfies(document -> {
      assertThat(document.id()).isEqualTo("a");
      assertThat(document.source()).isEqualTo("kb/export.jsonl");
      assertThat(document.version()).isEqualTo("v2");
      assertThat(document.title()).isEqualTo("Alpha");
      assertThat(document.text()).isEqualTo("Alpha text");
      assertThat(document.metadata()).isEqualTo(Map.of("format", "jsonl", "lang", "en",
          "nested", "{\"k\":1}", "tags", "x, y", "year", "2024"));
    });
    assertThat(documents.get(1).id()).isEqualTo("7");
    assertThat(documents.get(1).title()).isEmpty();
    assertThat(problems.total()).isZero();
  }

  @Test
  void bad_lines_are_reported_as_file_line_what_is_wrong_and_skipped_with_counts() {
    Path file = Loads.write(dir, "export.jsonl", """
        {"doc_id": "a", "body": "first"}
        {not json
        {"doc_id": "b", "body": "  "}
        {"doc_id": "c"}
        {"doc_id": "a", "body": "again"}
        {"doc_id": "d", "body": "Delta", "meta": [1]}
        {"doc_id": " ", "body": "blank id"}
        {"doc_id": "e", "body": "Echo"}
        """);
    InputProblems problems = InputProblems.collecting();
    LoadConfig config = LoadConfig.builder(List.of(dir)).jsonlFields(FIELDS).build();

    assertThat(Loads.all(config, problems)).extracting(Document::id).containsExactly("a", "e");
    assertThat(problems.count(ProblemKind.MALFORMED_RECORD)).isEqualTo(5);
    assertThat(problems.count(ProblemKind.EMPTY_DOCUMENT)).isEqualTo(1);
    List<String> messages = problems.messages();
    assertThat(messages.get(0)).startsWith(file + ":2: is not valid JSON: ").endsWith(" (skipped)");
    assertThat(messages.subList(1, messages.size())).containsExactly(
        file + ":3: document \"b\" has no text (skipped)",
        file + ":4: field \"body\" is missing (skipped)",
        file + ":5: document id \"a\" was already loaded (skipped)",
        file + ":6: field \"meta\" must be an object, but is: array (skipped)",
        file + ":7: field \"doc_id\" must not be blank (skipped)");
  }

  @Test
  void under_the_fail_policy_the_first_bad_line_stops_the_load() {
    Path file = Loads.write(dir, "export.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\"}\n");
    LoadConfig config = LoadConfig.builder(List.of(dir)).onError(OnError.FAIL).build();
    assertThatThrownBy(() -> Loads.all(config, InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":2: field \"text\" is missing");
  }

  @Test
  void a_record_over_the_character_limit_is_reported_with_its_line() {
    Path file = Loads.write(dir, "export.jsonl",
        "{\"id\": \"big\", \"text\": \"0123456789x\"}\n{\"id\": \"ok\", \"text\": \"0123\"}\n");
    InputProblems problems = InputProblems.collecting();
    LoadConfig config = LoadConfig.builder(List.of(dir)).maxDocumentChars(10).build();
    assertThat(Loads.all(config, problems)).extracting(Document::id).containsExactly("ok");
    assertThat(problems.messages())
        .containsExactly(file + ":1: text is longer than the limit of 10 characters (skipped)");
  }

  @Test
  void a_beir_corpus_is_recognised_by_its_file_name_and_read_with_beir_fields() {
    Loads.write(dir, "scifact/corpus.jsonl", """
        {"_id": "4983", "title": "Microstructural development", "text": "Alterations of the \
        architecture.", "metadata": {}}
        {"_id": "5836", "title": "", "text": "Induction of myelodysplasia.", "metadata": {"year": 2001}}
        """);
    List<Document> documents = Loads.all(InputProblems.collecting(), dir);
    assertThat(documents).extracting(Document::id).containsExactly("4983", "5836");
    assertThat(documents.get(0).title()).isEqualTo("Microstructural development");
    assertThat(documents.get(0).source()).isEqualTo("scifact/corpus.jsonl");
    assertThat(documents.get(0).metadata()).isEqualTo(Map.of("format", "beir"));
    assertThat(documents.get(1).metadata()).isEqualTo(Map.of("format", "beir", "year", "2001"));
  }
}
