package dev.ragft.model.catalog;

import dev.ragft.common.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of model and adapter files, remembered for the life of the process by path, size and
 * modification time, so a large model is hashed once however often it is loaded.
 */
public final class FileHashes {

  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

  private FileHashes() {
  }

  /** The SHA-256 of {@code file}. */
  public static String sha256(Path file) {
    try {
      Path real = file.toRealPath();
      String key = real + "|" + Files.size(real) + "|" + Files.getLastModifiedTime(real).toMillis();
      return KNOWN.computeIfAbsent(key, k -> Hashes.sha256(real));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
