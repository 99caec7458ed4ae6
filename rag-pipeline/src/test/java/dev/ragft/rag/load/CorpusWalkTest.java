package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusWalkTest {

  @TempDir
  Path root;

  @BeforeEach
  void corpus() {
    Loads.write(root, "b.md", "# B\nbee");
    Loads.write(root, "a.txt", "ay");
    Loads.write(root, "notes.log", "log line");
    Loads.write(root, ".hidden.md", "hidden");
    Loads.write(root, ".git/config.md", "git");
    Loads.write(root, "sub/skip.txt", "skip");
    Loads.write(root, "sub/deeper/d.txt", "dee");
    Loads.write(root, "sub/c.html", "<p>see");
    Loads.write(root, "sub/a b.TXT", "spaced");
  }

  private List<String> sources(LoadConfig config) {
    return new CorpusLoader(config, InputProblems.collecting()).files().stream()
        .map(SourceFile::source).toList();
  }

  @Test
  void files_are_walked_in_sorted_order_leaving_out_dot_files_and_unknown_formats() {
    List<Document> documents = Loads.all(InputProblems.collecting(), root);
    assertThat(documents).extracting(Document::id).containsExactly("a.txt", "b.md", "sub/a b.TXT",
        "sub/c.html", "sub/deeper/d.txt", "sub/skip.txt");
    assertThat(documents).extracting(Document::source).containsExactly("a.txt", "b.md",
        "sub/a b.TXT", "sub/c.html", "sub/deeper/d.txt", "sub/skip.txt");
    assertThat(documents).extracting(Document::text)
        .containsExactly("ay", "# B\nbee", "spaced", "see", "dee", "skip");
  }

  @Test
  void include_and_exclude_globs_are_relative_and_double_star_also_matches_the_top() {
    LoadConfig config = LoadConfig.builder(List.of(root))
        .include(List.of("**/*.txt")).exclude(List.of("sub/skip.txt", "**/deeper")).build();
    assertThat(sources(config)).containsExactly("a.txt");
    LoadConfig onlySub = LoadConfig.builder(List.of(root)).include(List.of("sub/*")).build();
    assertThat(sources(onlySub)).containsExactly("sub/a b.TXT", "sub/c.html", "sub/skip.txt");
  }

  @Test
  void an_empty_exclude_list_takes_dot_files_too() {
    LoadConfig config = LoadConfig.builder(List.of(root)).exclude(List.of())
        .include(List.of("**/*.md")).build();
    assertThat(sources(config)).containsExactly(".git/config.md", ".hidden.md", "b.md");
  }

  @Test
  void a_format_override_reads_every_included_file_in_that_format() {
    LoadConfig config = LoadConfig.builder(List.of(root)).include(List.of("*.log", "*.md"))
        .format(DocumentFormat.TEXT).version("2024-06").build();
    List<Document> documents = Loads.all(config, InputProblems.collecting());
    assertThat(documents).extracting(Document::id).containsExactly("b.md", "notes.log");
    assertThat(documents).allSatisfy(document -> {
      assertThat(document.metadata()).containsEntry("format", "text");
      assertThat(document.version()).isEqualTo("2024-06");
    });
    assertThat(documents.get(0).title()).isEmpty();
  }

  @Test
  void paths_are_loaded_in_the_order_given_and_a_file_path_is_its_own_source() {
    LoadConfig config = LoadConfig.builder(List.of(root.resolve("sub"), root.resolve("b.md")))
        .build();
    assertThat(sources(config))
        .containsExactly("a b.TXT", "c.html", "deeper/d.txt", "skip.txt", "b.md");
  }

  @Test
  void a_missing_path_or_a_file_of_unknown_format_is_one_clear_input_error() {
    assertThatThrownBy(() -> sources(LoadConfig.of(root.resolve("nope"))))
        .isInstanceOf(InputException.class)
        .hasMessage(root.resolve("nope") + ": does not exist");
    assertThatThrownBy(() -> sources(LoadConfig.of(root.resolve("notes.log"))))
        .isInstanceOf(InputException.class)
        .hasMessage(root.resolve("notes.log") + ": has no known format: name one of the "
            + "extensions in docs/loading-and-chunking.md or set the format");
  }

  @Test
  void the_same_id_from_two_paths_is_reported_once_and_the_first_kept() {
    LoadConfig config = LoadConfig.builder(List.of(root.resolve("a.txt"), root)).build();
    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(config, problems);
    assertThat(documents).extracting(Document::id).startsWith("a.txt", "b.md");
    assertThat(documents).filteredOn(document -> document.id().equals("a.txt")).hasSize(1);
    assertThat(problems.messages()).containsExactly(
        root.resolve("a.txt") + ": document id \"a.txt\" was already loaded (skipped)");
  }

  @Test
  void linked_folders_are_followed_and_a_link_loop_is_reported_once() throws IOException {
    Path outside = Files.createTempDirectory(root.getParent(), "linked");
    try {
      Loads.write(outside, "far.txt", "far away");
      Files.createSymbolicLink(root.resolve("sub/link"), outside);
      Files.createSymbolicLink(root.resolve("sub/deeper/loop"), root.resolve("sub"));
      InputProblems problems = InputProblems.collecting();
      List<SourceFile> files = new CorpusLoader(LoadConfig.of(root), problems).files();
      assertThat(files).extracting(SourceFile::source).contains("sub/link/far.txt");
      assertThat(problems.messages()).containsExactly(root.resolve("sub/deeper/loop")
          + ": cannot be read: its symbolic links form a loop (skipped)");
    } finally {
      Files.delete(outside.resolve("far.txt"));
      Files.delete(outside);
    }
  }
}
