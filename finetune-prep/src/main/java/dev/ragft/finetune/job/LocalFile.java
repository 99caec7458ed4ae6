package dev.ragft.finetune.job;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file as it was when the job was submitted.
 *
 * @param path its absolute path
 * @param sha256 the SHA-256 of its bytes
 * @param bytes its size
 */
public record LocalFile(String path, String sha256, long bytes) {

  /** Validates the components. */
  public LocalFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("a file size must be >= 0, but is: " + bytes);
    }
  }

  /** Describes a file on disk, hashing it; a missing or empty file is an input error. */
  public static LocalFile of(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new InputException(file.toString(), 0, null, "does not exist or is not a file");
    }
    long size;
    try {
      size = Files.size(absolute);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new InputException(file.toString(), 0, null, "is empty");
    }
    return new LocalFile(absolute.toString(), Hashes.sha256(absolute), size);
  }
}
