package dev.ragft.datasets.scenario;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One document of one corpus version of a scenario, as a classpath resource. Ids are the same
 * across versions for a document that exists in several.
 *
 * @param id the document id, also its file name without extension
 * @param version the corpus version
 * @param format the file format
 * @param title the document's title
 * @param kind what sort of document it is: product, pricing, policy, runbook or release-notes
 * @param path the file's path inside the scenario, such as {@code v1/pricing-plans.html}
 * @param sha256 the SHA-256 of the file's bytes, as 64 hex digits
 * @param resource the full classpath resource name
 */
public record ScenarioDocument(String id, String version, DocumentFormat format, String title,
    String kind, String path, String sha256, String resource) {

  /** Validates the components. */
  public ScenarioDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(resource, "resource");
  }

  /** The file name: id and extension. */
  public String fileName() {
    return id + "." + format.extension();
  }

  /** Opens the document's bytes; the caller closes the stream. */
  public InputStream open() {
    InputStream in = ScenarioDocument.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new RagftException("The scenario document " + resource
          + " is missing from the classpath; the build is broken.");
    }
    return in;
  }

  /** The document's bytes. */
  public byte[] bytes() {
    try (InputStream in = open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
