package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.common.InputProblems;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading is lazy: documents are read as they are consumed, never the whole corpus at once. */
class StreamingTest {

  private static final int LINES = 20_000;

  @TempDir
  Path dir;

  private Path corpus() throws IOException {
    Path file = dir.resolve("corpus.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < LINES; i++) {
        out.write("{\"_id\": \"d" + i + "\", \"title\": \"\", \"text\": \"document number " + i
            + "\"}\n");
      }
    }
    return file;
  }

  @Test
  void a_large_jsonl_corpus_is_parsed_only_as_far_as_it_is_consumed() throws IOException {
    CorpusLoader loader = new CorpusLoader(LoadConfig.of(corpus()), InputProblems.collecting());
    try (Stream<Document> documents = loader.stream()) {
      Iterator<Document> iterator = documents.iterator();
      assertThat(loader.documentsLoaded()).isZero();
      for (int i = 0; i < 3; i++) {
        assertThat(iterator.next().id()).isEqualTo("d" + i);
      }
      assertThat(loader.documentsLoaded()).isEqualTo(3);
    }
    try (Stream<Document> documents = loader.stream()) {
      assertThat(documents.skip(10).limit(2).map(Document::id)).containsExactly("d10", "d11");
      assertThat(loader.documentsLoaded()).isEqualTo(12);
    }
    try (Stream<Document> documents = loader.stream()) {
      assertThat(documents.count()).isEqualTo(LINES);
    }
  }

  @Test
  void files_are_opened_one_at_a_time_as_the_stream_reaches_them() {
    for (int i = 0; i < 40; i++) {
      Loads.write(dir, "docs/f" + (100 + i) + ".txt", "file " + i);
    }
    CorpusLoader loader = new CorpusLoader(LoadConfig.of(dir), InputProblems.collecting());
    assertThat(loader.files()).hasSize(40);
    try (Stream<Document> documents = loader.stream()) {
      assertThat(documents.limit(2).map(Document::text)).containsExactly("file 0", "file 1");
      assertThat(loader.filesOpened()).isEqualTo(2);
    }
  }

  @Test
  void closing_the_stream_releases_the_file_being_read() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds),
        "needs /proc/self/fd to see open files (Linux)");
    Path file = corpus();
    CorpusLoader loader = new CorpusLoader(LoadConfig.of(file), InputProblems.collecting());
    Stream<Document> documents = loader.stream();
    assertThat(documents.iterator().next().id()).isEqualTo("d0");
    assertThat(openHandles(fds, file)).isEqualTo(1);
    documents.close();
    assertThat(openHandles(fds, file)).isZero();
  }

  private static long openHandles(Path fds, Path file) throws IOException {
    Path real = file.toRealPath();
    try (Stream<Path> links = Files.list(fds)) {
      List<Path> list = links.toList();
      return list.stream().filter(link -> {
        try {
          return Files.readSymbolicLink(link).equals(real);
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }
}
