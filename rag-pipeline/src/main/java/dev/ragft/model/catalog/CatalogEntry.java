package dev.ragft.model.catalog;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One pinned model of the catalogue.
 *
 * @param id the name users give, e.g. {@code qwen2.5-0.5b-instruct-q4_k_m}
 * @param description what the model is, in a line
 * @param file the file name in the model cache
 * @param url where to download it (HTTPS, pinned to a commit)
 * @param size the exact size in bytes
 * @param sha256 the SHA-256 of the file, 64 lower-case hex digits
 * @param license the licence, as an SPDX id
 * @param smoke true for a model that only shows a pipeline runs; its answers mean nothing
 */
public record CatalogEntry(String id, String description, String file, URI url, long size,
    String sha256, String license, boolean smoke) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9._-]+\\.gguf");

  /** Validates the components. */
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(license, "license");
    if (file == null || !FILE.matcher(file).matches()) {
      throw new IllegalArgumentException("model " + id + ": file must be a plain .gguf name,"
          + " but is: " + file);
    }
    if (size <= 0) {
      throw new IllegalArgumentException("model " + id + ": size must be > 0, but is: " + size);
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("model " + id + ": sha256 must be 64 lower-case hex"
          + " digits, but is: " + sha256);
    }
  }

  /** The description, marked as a smoke model when it is one. */
  public String label() {
    return smoke && !description.startsWith("SMOKE MODEL")
        ? "SMOKE MODEL, its answers mean nothing; " + description : description;
  }
}
