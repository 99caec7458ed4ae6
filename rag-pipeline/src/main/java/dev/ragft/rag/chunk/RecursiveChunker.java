package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.Tokenizer;
import java.util.List;
import java.util.Objects;

/**
 * Chunks of at most {@code maxTokens} tokens cut at the coarsest structure that fits:
 * paragraphs (blank lines), then sentences ({@link java.text.BreakIterator}), then lines, then
 * words; only a single word longer than the limit is cut between tokens. Neighbouring pieces are
 * merged while they fit, so chunks come close to the limit without crossing it. Chunks do not
 * overlap.
 */
public final class RecursiveChunker implements Chunker {

  private final Tokenizer tokenizer;
  private final int maxTokens;

  /**
   * Creates the chunker.
   *
   * @throws IllegalArgumentException when {@code maxTokens <= 0}
   */
  public RecursiveChunker(Tokenizer tokenizer, int maxTokens) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    ChunkerConfig.checkSize(maxTokens);
    this.maxTokens = maxTokens;
  }

  @Override
  public List<Chunk> chunk(Document document) {
    ChunkList chunks = new ChunkList(document, ChunkerType.RECURSIVE.id());
    String text = document.text();
    Span all = Span.trimmed(text, 0, text.length());
    if (all != null) {
      chunks.addAll(new RecursiveSplitter(text, tokenizer.tokenize(text), maxTokens).split(all));
    }
    return chunks.chunks();
  }
}
