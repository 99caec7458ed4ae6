package dev.ragft.model.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file ready to load.
 *
 * @param file the GGUF file
 * @param name the name it answers to: the catalogue id, or the file name without {@code .gguf}
 * @param sha256 the file's SHA-256 (pinned for catalogue models, computed for others)
 * @param smoke true for a smoke model, whose answers mean nothing
 */
public record ResolvedModel(Path file, String name, String sha256, boolean smoke) {

  /** Validates the components. */
  public ResolvedModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
  }
}
