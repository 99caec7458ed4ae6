package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import java.util.List;

/**
 * Cuts a document into chunks.
 *
 * <p>Contract for every implementation: the chunks are in order of start offset (then end), with
 * ordinals {@code 0..n-1} in that order; no chunk is blank; offsets lie within the document text
 * and {@code document.text().substring(chunk.start(), chunk.end())} equals the chunk text;
 * document id, version, source and title are copied into every chunk; a document with blank text
 * gives no chunks; the same document always gives the same chunks. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface Chunker {

  /** The chunks of {@code document}, in document order. */
  List<Chunk> chunk(Document document);
}
