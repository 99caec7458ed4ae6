package dev.ragft.datasets.cases;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats failure cases are read from, recognised by file name extension. */
public enum CaseFileFormat {
  /** One case object per line ({@code .jsonl}). */
  JSONL,
  /** A YAML list of case objects ({@code .yaml} or {@code .yml}). */
  YAML,
  /** A table with a header row, one case per row ({@code .csv}); see the format's docs. */
  CSV;

  /** The format a file's extension names, if it names one. */
  public static Optional<CaseFileFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }
}
