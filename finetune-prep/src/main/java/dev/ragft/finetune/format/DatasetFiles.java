package dev.ragft.finetune.format;

import dev.ragft.finetune.example.ExampleFiles;
import dev.ragft.finetune.example.TrainingExample;
import java.nio.file.Path;
import java.util.List;

/** Reads a dataset file in ragft's own form ({@code ragft}) or in any provider format. */
public final class DatasetFiles {

  /** The name of ragft's own form, as {@code --input-format} takes it. */
  public static final String RAGFT = "ragft";

  private DatasetFiles() {
  }

  /** Every example of {@code file}, read as {@code format} ({@code ragft} or a format's name). */
  public static List<TrainingExample> read(Path file, String format) {
    if (format.equalsIgnoreCase(RAGFT)) {
      return ExampleFiles.read(file);
    }
    return FormatReader.read(file, Format.parse(format));
  }
}
