package dev.ragft.rag.chunk;

import dev.ragft.rag.token.Tokenizer;
import java.util.Objects;

/** Makes the {@link Chunker} a {@link ChunkerConfig} describes. */
public final class Chunkers {

  private Chunkers() {
  }

  /**
   * The chunker for {@code config}, measuring tokens with {@code tokenizer}, which the caller
   * opened for {@link ChunkerConfig#tokenizer()} (see
   * {@link dev.ragft.rag.token.HfTokenizer#forModel}) and closes after the chunker's last use.
   */
  public static Chunker create(ChunkerConfig config, Tokenizer tokenizer) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tokenizer, "tokenizer");
    return switch (config.type()) {
      case FIXED -> new TokenWindowChunker(tokenizer, config.size(), config.overlap());
      case RECURSIVE -> new RecursiveChunker(tokenizer, config.size());
      case MARKDOWN -> new MarkdownHeadingChunker(tokenizer, config.size());
      case SENTENCE_WINDOW -> new SentenceWindowChunker(tokenizer, config.window(), config.size());
      case DOCUMENT -> new DocumentChunker();
    };
  }
}
