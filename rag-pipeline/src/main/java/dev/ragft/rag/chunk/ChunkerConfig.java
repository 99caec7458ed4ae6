package dev.ragft.rag.chunk;

import dev.ragft.rag.token.HfTokenizer;
import java.util.Objects;

/**
 * How to chunk: the one place the chunking defaults live. Build it with {@link #builder()};
 * settings left unset take the defaults of the chosen type.
 *
 * @param type the kind of chunker
 * @param size the most tokens in a chunk (for {@code sentence-window}: in one sentence piece)
 * @param overlap the tokens neighbouring chunks share; only {@code fixed} chunks overlap, so it
 *     is 0 for every other type
 * @param window the sentences on each side recorded as a chunk's window; only for
 *     {@code sentence-window}, 0 for every other type
 * @param tokenizer the model whose tokenizer measures tokens (see {@link HfTokenizer#forModel}),
 *     or the path of a {@code tokenizer.json}
 */
public record ChunkerConfig(ChunkerType type, int size, int overlap, int window,
    String tokenizer) {

  /** The chunker used unless configured. */
  public static final ChunkerType DEFAULT_TYPE = ChunkerType.RECURSIVE;
  /** Tokens per chunk unless configured: fits the input of every bundled embedding model. */
  public static final int DEFAULT_SIZE = 256;
  /** Overlap of {@code fixed} chunks unless configured: this fraction of the size, rounded down. */
  public static final double DEFAULT_OVERLAP_FRACTION = 0.125;
  /** Sentences on each side for {@code sentence-window} unless configured. */
  public static final int DEFAULT_WINDOW = 2;

  /** Validates the settings against each other, with messages that name the bad value. */
  public ChunkerConfig {
    Objects.requireNonNull(type, "type");
    checkSize(size);
    checkOverlap(overlap, size);
    checkWindow(window);
    if (overlap > 0 && type != ChunkerType.FIXED) {
      throw new IllegalArgumentException("chunk overlap applies only to the fixed chunker, but is: "
          + overlap + " for " + type.id());
    }
    if (window > 0 && type != ChunkerType.SENTENCE_WINDOW) {
      throw new IllegalArgumentException("sentence window applies only to the sentence-window "
          + "chunker, but is: " + window + " for " + type.id());
    }
    Objects.requireNonNull(tokenizer, "tokenizer");
    if (tokenizer.isBlank()) {
      throw new IllegalArgumentException("tokenizer must not be blank, but is: \"" + tokenizer
          + "\"");
    }
  }

  /** The default configuration: recursive chunks of 256 tokens of the default model. */
  public static ChunkerConfig defaults() {
    return builder().build();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  static void checkSize(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("chunk size must be > 0, but is: " + size);
    }
  }

  static void checkOverlap(int overlap, int size) {
    if (overlap < 0) {
      throw new IllegalArgumentException("chunk overlap must be >= 0, but is: " + overlap);
    }
    if (overlap >= size) {
      throw new IllegalArgumentException(
          "chunk overlap must be < chunk size (" + size + "), but is: " + overlap);
    }
  }

  static void checkWindow(int window) {
    if (window < 0) {
      throw new IllegalArgumentException("sentence window must be >= 0, but is: " + window);
    }
  }

  /** Collects chunker settings; unset ones take the defaults of the chosen type. */
  public static final class Builder {
    private ChunkerType type = DEFAULT_TYPE;
    private Integer size;
    private Integer overlap;
    private Integer window;
    private String tokenizer = HfTokenizer.DEFAULT_MODEL;

    private Builder() {
    }

    /** Sets the kind of chunker. */
    public Builder type(ChunkerType type) {
      this.type = type;
      return this;
    }

    /** Sets the most tokens in a chunk. */
    public Builder size(int size) {
      this.size = size;
      return this;
    }

    /** Sets the overlap in tokens ({@code fixed} only). */
    public Builder overlap(int overlap) {
      this.overlap = overlap;
      return this;
    }

    /** Sets the sentence window ({@code sentence-window} only). */
    public Builder window(int window) {
      this.window = window;
      return this;
    }

    /** Sets the tokenizer's model name or {@code tokenizer.json} path. */
    public Builder tokenizer(String tokenizer) {
      this.tokenizer = tokenizer;
      return this;
    }

    /** The configuration; validates it. */
    public ChunkerConfig build() {
      int chosenSize = size != null ? size : DEFAULT_SIZE;
      int chosenOverlap = overlap != null ? overlap
          : type == ChunkerType.FIXED ? (int) (chosenSize * DEFAULT_OVERLAP_FRACTION) : 0;
      int chosenWindow = window != null ? window
          : type == ChunkerType.SENTENCE_WINDOW ? DEFAULT_WINDOW : 0;
      return new ChunkerConfig(type, chosenSize, chosenOverlap, chosenWindow, tokenizer);
    }
  }
}
