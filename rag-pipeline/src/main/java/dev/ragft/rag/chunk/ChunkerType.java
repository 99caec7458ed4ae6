package dev.ragft.rag.chunk;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of chunker, by the name used in options, configuration and chunk metadata. */
public enum ChunkerType {
  /** {@link TokenWindowChunker}: fixed token windows with overlap. */
  FIXED("fixed"),
  /** {@link RecursiveChunker}: paragraph, sentence, line, word, within a token limit. */
  RECURSIVE("recursive"),
  /** {@link MarkdownHeadingChunker}: sections under headings, with their heading path. */
  MARKDOWN("markdown"),
  /** {@link SentenceWindowChunker}: one sentence per chunk with a window of neighbours. */
  SENTENCE_WINDOW("sentence-window"),
  /**
   * {@link DocumentChunker}: the whole document as one chunk, for corpora whose documents are
   * already passages (BEIR abstracts); an embedding model truncates it at its own limit.
   */
  DOCUMENT("document");

  private final String id;

  ChunkerType(String id) {
    this.id = id;
  }

  /** The name, e.g. {@code sentence-window}. */
  public String id() {
    return id;
  }

  /** Parses a chunker name as given for {@code option}, naming the option and choices on failure. */
  public static ChunkerType parse(String option, String value) {
    for (ChunkerType type : values()) {
      if (type.id.equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException(option + " must be one of "
        + Arrays.stream(values()).map(ChunkerType::id).collect(Collectors.joining(", "))
        + ", but is: " + value);
  }
}
