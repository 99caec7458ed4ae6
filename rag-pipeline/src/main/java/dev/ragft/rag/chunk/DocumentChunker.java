package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import java.util.List;
import java.util.Map;

/**
 * One chunk per document: its whole text, less leading and trailing whitespace. For corpora whose
 * documents are already retrieval units (BEIR abstracts, FAQ entries); the chunk size does not
 * apply, and an embedding model truncates long text at its own input limit.
 */
public final class DocumentChunker implements Chunker {

  @Override
  public List<Chunk> chunk(Document document) {
    String text = document.text();
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return List.of();
    }
    ChunkList chunks = new ChunkList(document, ChunkerType.DOCUMENT.id());
    chunks.add(new Span(start, end), Map.of());
    return chunks.chunks();
  }
}
