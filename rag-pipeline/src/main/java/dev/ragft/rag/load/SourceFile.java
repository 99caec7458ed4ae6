package dev.ragft.rag.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file a load will read.
 *
 * @param path the file, as reached from the configured input path (used in messages)
 * @param source its path relative to the input path, with {@code /} separators; the file name
 *     when the input path is the file itself; becomes {@link Document#source()}
 * @param format the format it is read as
 */
public record SourceFile(Path path, String source, DocumentFormat format) {

  /** Validates the components. */
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank, but is: \"" + source + "\"");
    }
  }

  /** The path as it is shown in messages. */
  public String display() {
    return path.toString();
  }
}
