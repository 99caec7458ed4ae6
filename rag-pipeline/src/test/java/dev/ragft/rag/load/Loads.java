package dev.ragft.rag.load;

import dev.ragft.common.InputProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Helpers for the loader tests: write fixture files, load everything. */
final class Loads {

  private Loads() {
  }

  /** Loads every document of {@code config}, closing the stream. */
  static List<Document> all(LoadConfig config, InputProblems problems) {
    try (Stream<Document> documents = new CorpusLoader(config, problems).stream()) {
      return documents.toList();
    }
  }

  /** Loads every document under {@code paths} with the default configuration. */
  static List<Document> all(InputProblems problems, Path... paths) {
    return all(LoadConfig.of(paths), problems);
  }

  /** Writes {@code text} as UTF-8 to {@code dir/name}, creating folders; returns the file. */
  static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code dir/name}, creating folders; returns the file. */
  static Path write(Path dir, String name, byte[] bytes) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
