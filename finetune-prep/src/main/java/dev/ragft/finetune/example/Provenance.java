package dev.ragft.finetune.example;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a training example came from, so that a manifest can list its sources and a source can be
 * forgotten later.
 *
 * @param sourceId the id of the source in the build configuration
 * @param file the source file name as the configuration names it
 * @param line the 1-based line in that file, or 0 when the example does not come from one line
 * @param sourceSha256 the SHA-256 of the whole source file, 64 hex digits
 * @param licence the licence of the source, or null when unknown
 * @param builder the builder that produced the example ({@code curated}, {@code corrections},
 *     {@code teacher-question}, {@code teacher-retrieval}...)
 */
public record Provenance(String sourceId, String file, long line, String sourceSha256,
    String licence, String builder) {

  /** Validates the components. */
  public Provenance {
    requireText(sourceId, "sourceId");
    requireText(file, "file");
    requireText(builder, "builder");
    Objects.requireNonNull(sourceSha256, "sourceSha256");
    if (!sourceSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sourceSha256 must be 64 hex digits, but is: " + sourceSha256);
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, but is: " + line);
    }
    if (licence != null && licence.isBlank()) {
      licence = null;
    }
  }

  /** The licence, when known. */
  public Optional<String> licenceIfKnown() {
    return Optional.ofNullable(licence);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
