package dev.ragft.rag.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats ragft loads documents from, each with the file name extensions it claims. */
public enum DocumentFormat {
  /** Plain UTF-8 text; one file is one document. */
  TEXT("text", "txt", "text"),
  /** Markdown with optional YAML front matter; one file is one document, kept as Markdown. */
  MARKDOWN("markdown", "md", "markdown"),
  /** HTML; one file is one document of its visible text. */
  HTML("html", "html", "htm", "xhtml"),
  /** PDF; one file is one document, pages in order. */
  PDF("pdf", "pdf"),
  /** JSON Lines; each line is one document, read with the configured field names. */
  JSONL("jsonl", "jsonl", "ndjson"),
  /** A BEIR {@code corpus.jsonl}: {@code _id}, {@code title}, {@code text}, {@code metadata}. */
  BEIR("beir");

  /** The file name that selects {@link #BEIR} rather than {@link #JSONL}. */
  public static final String BEIR_CORPUS_FILE = "corpus.jsonl";

  private final String id;
  private final List<String> extensions;

  DocumentFormat(String id, String... extensions) {
    this.id = id;
    this.extensions = List.of(extensions);
  }

  /** The name used in options, configuration and metadata, e.g. {@code markdown}. */
  public String id() {
    return id;
  }

  /** The lower-case file name extensions (without the dot) this format is chosen for. */
  public List<String> extensions() {
    return extensions;
  }

  /**
   * The format of a file by its name: a file named {@value #BEIR_CORPUS_FILE} is BEIR, otherwise
   * the extension decides, case-insensitively; empty when no format claims it.
   */
  public static Optional<DocumentFormat> forFileName(String fileName) {
    if (fileName.equals(BEIR_CORPUS_FILE)) {
      return Optional.of(BEIR);
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
  }

  /** Parses a format name as given for {@code option}, naming the option and choices on failure. */
  public static DocumentFormat parse(String option, String value) {
    for (DocumentFormat format : values()) {
      if (format.id.equalsIgnoreCase(value)) {
        return format;
      }
    }
    throw new IllegalArgumentException(option + " must be one of "
        + Arrays.stream(values()).map(DocumentFormat::id).collect(Collectors.joining(", "))
        + ", but is: " + value);
  }
}
