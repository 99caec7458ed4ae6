package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.token.TokenSpans;
import dev.ragft.rag.token.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fixed windows of {@code size} tokens of the embedding model, each starting {@code size -
 * overlap} tokens after the previous one, so neighbouring chunks share exactly {@code overlap}
 * tokens; the last window holds what is left. A chunk runs from the start of its first token to
 * the end of its last, so it may cut a word between two of its word pieces.
 */
public final class TokenWindowChunker implements Chunker {

  private final Tokenizer tokenizer;
  private final int size;
  private final int overlap;

  /**
   * Creates the chunker.
   *
   * @throws IllegalArgumentException when {@code size <= 0} or the overlap is not in
   *     {@code [0, size)}
   */
  public TokenWindowChunker(Tokenizer tokenizer, int size, int overlap) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    ChunkerConfig.checkSize(size);
    ChunkerConfig.checkOverlap(overlap, size);
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<Chunk> chunk(Document document) {
    ChunkList chunks = new ChunkList(document, ChunkerType.FIXED.id());
    TokenSpans tokens = tokenizer.tokenize(document.text());
    int count = tokens.size();
    for (int first = 0; first < count; first += size - overlap) {
      int last = Math.min(first + size, count);
      Span span = Span.trimmed(document.text(), tokens.start(first), tokens.end(last - 1));
      if (span != null) {
        chunks.add(span, Map.of());
      }
      if (last == count) {
        break;
      }
    }
    return chunks.chunks();
  }
}
