package dev.ragft.rag.chunk;

import dev.ragft.rag.load.Document;
import dev.ragft.rag.load.DocumentFormat;
import dev.ragft.rag.load.DocumentMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the chunks of one document in order: numbers them, copies the document's identity and
 * metadata, adds the chunker's name and keys, and for a PDF the pages a chunk covers in place of
 * the document's page table.
 */
final class ChunkList {

  private final Document document;
  private final String chunker;
  private final Map<String, String> base;
  private final int[] pageOffsets;
  private final List<Chunk> chunks = new ArrayList<>();

  ChunkList(Document document, String chunker) {
    this.document = document;
    this.chunker = chunker;
    this.base = new TreeMap<>(document.metadata());
    boolean pdf = DocumentFormat.PDF.id().equals(base.get(DocumentMetadata.FORMAT));
    this.pageOffsets = pdf ? DocumentMetadata.pageOffsets(base) : new int[0];
    if (pdf) {
      base.remove(DocumentMetadata.PAGES);
      base.remove(DocumentMetadata.PAGE_OFFSETS);
    }
    base.put(ChunkMetadata.CHUNKER, chunker);
  }

  /** Adds the chunk covering {@code span}, with {@code extra} metadata. */
  void add(Span span, Map<String, String> extra) {
    Map<String, String> metadata = new TreeMap<>(base);
    metadata.putAll(extra);
    DocumentMetadata.pageAt(pageOffsets, span.start()).ifPresent(page ->
        metadata.put(ChunkMetadata.PAGE_START, Integer.toString(page)));
    DocumentMetadata.pageAt(pageOffsets, span.end() - 1).ifPresent(page ->
        metadata.put(ChunkMetadata.PAGE_END, Integer.toString(page)));
    int ordinal = chunks.size();
    chunks.add(new Chunk(Chunk.idOf(document.id(), ordinal), document.id(), document.version(),
        document.source(), document.title(), ordinal,
        document.text().substring(span.start(), span.end()), span.start(), span.end(), metadata));
  }

  /** Adds a chunk for each span, without extra metadata. */
  void addAll(List<Span> spans) {
    for (Span span : spans) {
      add(span, Map.of());
    }
  }

  /** The chunks added so far. */
  List<Chunk> chunks() {
    return List.copyOf(chunks);
  }

}
