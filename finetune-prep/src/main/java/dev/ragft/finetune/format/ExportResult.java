package dev.ragft.finetune.format;

import java.util.List;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param file the file name
 * @param format the format
 * @param written how many examples were written
 * @param skipped the ids of examples the format has no place for, in input order
 * @param sha256 the SHA-256 of the written file
 */
public record ExportResult(String file, Format format, int written, List<String> skipped,
    String sha256) {

  /** Copies the list. */
  public ExportResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(sha256, "sha256");
  }
}
