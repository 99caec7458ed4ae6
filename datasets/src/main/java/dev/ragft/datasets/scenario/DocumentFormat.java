package dev.ragft.datasets.scenario;

import java.util.Locale;
import java.util.Optional;

/** The file formats of scenario documents. */
public enum DocumentFormat {
  /** Markdown, {@code .md}. */
  MARKDOWN("md"),
  /** HTML, {@code .html}. */
  HTML("html"),
  /** PDF, {@code .pdf}. */
  PDF("pdf");

  private final String extension;

  DocumentFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The name used in manifests: {@code markdown}, {@code html} or {@code pdf}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format whose {@linkplain #wireName() wire name} is {@code text}, if any. */
  public static Optional<DocumentFormat> fromWireName(String text) {
    for (DocumentFormat format : values()) {
      if (format.wireName().equals(text)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
