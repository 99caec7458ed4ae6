package dev.ragft.finetune.source;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An input file of a build: its path as the configuration names it (for manifests, never
 * absolute), where it is, and its SHA-256.
 *
 * @param name the path as written in the configuration
 * @param path the resolved path
 * @param sha256 the SHA-256 of its bytes
 */
public record SourceFile(String name, Path path, String sha256) {

  /** Validates the components. */
  public SourceFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Resolves {@code name} against {@code baseDir} and hashes the file; a missing file names the field. */
  public static SourceFile of(String name, Path baseDir, String configName, String field) {
    Path path = baseDir.resolve(name);
    if (!Files.isRegularFile(path)) {
      throw new InputException(configName, 0, field, "names " + name + ", which does not exist");
    }
    return new SourceFile(name, path, Hashes.sha256(path));
  }
}
