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

class MarkdownLoadingTest {

  @TempDir
  Path dir;

  @Test
  void front_matter_sets_id_title_version_and_metadata_and_the_body_stays_markdown() {
    Loads.write(dir, "guides/pricing.md", """
        ---
        id: pricing
        title: Pricing guide
        version: 2024-06
        tags: [plans, billing]
        owner: sales
        limits: {seats: 10}
        draft: false
        ---
        # Pricing

        **Plans** start at $10.
        """);
    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(problems, dir);

    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.id()).isEqualTo("pricing");
      assertThat(document.source()).isEqualTo("guides/pricing.md");
      assertThat(document.title()).isEqualTo("Pricing guide");
      assertThat(document.version()).isEqualTo("2024-06");
      assertThat(document.text()).isEqualTo("# Pricing\n\n**Plans** start at $10.");
      assertThat(document.metadata()).isEqualTo(Map.of(
          "draft", "false", "format", "markdown", "limits", "{\"seats\":10}", "owner", "sales",
          "tags", "plans, billing"));
    });
    assertThat(problems.total()).isZero();
  }

  @Test
  void without_front_matter_the_id_is_the_path_and_the_title_the_first_top_heading() {
    Loads.write(dir, "a.md", "Intro line.\n\n```\n# not the title\n```\n\n# Real *title*\n\ntext");
    List<Document> documents = Loads.all(InputProblems.collecting(), dir);
    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.id()).isEqualTo("a.md");
      assertThat(document.title()).isEqualTo("Real title");
      assertThat(document.version()).isEqualTo("v1");
      assertThat(document.text()).startsWith("Intro line.");
    });
  }

  @Test
  void an_unclosed_front_matter_block_is_ordinary_text() {
    Loads.write(dir, "rule.md", "---\nnot front matter\n");
    assertThat(Loads.all(InputProblems.collecting(), dir)).singleElement()
        .extracting(Document::text).isEqualTo("---\nnot front matter");
  }

  @Test
  void malformed_front_matter_names_the_file_and_line_and_is_skipped() {
    Loads.write(dir, "bad.md", "---\ntitle: ok\ntags: [unclosed\n---\nbody\n");
    Loads.write(dir, "list.md", "---\n- a\n- b\n---\nbody\n");
    Loads.write(dir, "id.md", "---\nid: [1, 2]\n---\nbody\n");
    Loads.write(dir, "good.md", "body");
    InputProblems problems = InputProblems.collecting();
    assertThat(Loads.all(problems, dir)).extracting(Document::id).containsExactly("good.md");
    assertThat(problems.count(ProblemKind.MALFORMED_RECORD)).isEqualTo(3);
    assertThat(problems.messages()).containsExactly(
        dir.resolve("bad.md") + ":3: front matter is not valid YAML: while parsing a flow "
            + "sequence; expected ',' or ']', but got <stream end> (skipped)",
        dir.resolve("id.md") + ":1: field \"id\" must be a string, but is: array (skipped)",
        dir.resolve("list.md") + ":2: front matter must be a YAML mapping, but is: array (skipped)");
  }

  @Test
  void under_the_fail_policy_malformed_front_matter_stops_the_load() {
    Loads.write(dir, "id.md", "---\nid: ' '\n---\nbody\n");
    LoadConfig config = LoadConfig.builder(List.of(dir)).onError(OnError.FAIL).build();
    assertThatThrownBy(() -> Loads.all(config, InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("id.md") + ":1: field \"id\" must not be blank");
  }
}
