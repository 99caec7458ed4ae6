package dev.ragft.model.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Cached responses on disk, one JSON file per key under {@code <folder>/<first two hex
 * digits>/<key>.json}, each holding the response and the canonical request it answers (for
 * reading, never for matching). Files are written to a temporary name and moved into place, so
 * concurrent writers and interrupted runs never leave a half-written entry. Thread-safe.
 */
public final class ResponseCache {

  private final Path folder;

  /** A cache in {@code folder} (created on the first write). */
  public ResponseCache(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /** The cache's folder. */
  public Path folder() {
    return folder;
  }

  /** The file that holds (or would hold) the response for {@code key}. */
  public Path file(CacheKey key) {
    return folder.resolve(key.sha256().substring(0, 2)).resolve(key.sha256() + ".json");
  }

  /** The cached response for {@code key}, if there is one. */
  public Optional<CachedResponse> get(CacheKey key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode entry = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(Json.mapper().treeToValue(entry.get("response"), CachedResponse.class));
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), 0, null, "is not a valid cached response ("
          + e.getOriginalMessage() + "); delete it to ask the model again", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Records the response for {@code key}, replacing any earlier one. */
  public void put(CacheKey key, CachedResponse response) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
          new Entry(key.sha256(), Json.mapper().readTree(key.canonicalJson()), response)) + "\n";
      Path partial = Files.createTempFile(file.getParent(), "entry-", ".tmp");
      Files.writeString(partial, json, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The layout of a cache file. */
  private record Entry(String key, JsonNode request, CachedResponse response) {
  }
}
