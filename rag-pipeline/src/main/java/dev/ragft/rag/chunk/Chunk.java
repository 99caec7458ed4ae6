package dev.ragft.rag.chunk;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A piece of one document, the unit that is embedded, indexed and retrieved. Its offsets point
 * into the document's text, so a citation can go back to the exact characters:
 * {@code document.text().substring(start, end).equals(text)} holds for every chunk a
 * {@link Chunker} makes.
 *
 * @param id the chunk id, always {@link #idOf idOf(docId, ordinal)}: {@code docId#ordinal};
 *     unique within a corpus because document ids are
 * @param docId the id of the document it comes from
 * @param version the document's version
 * @param source the document's source
 * @param title the document's title, or empty
 * @param ordinal the 0-based position of the chunk among its document's chunks
 * @param text the chunk's text; never blank
 * @param start the offset in the document text where the chunk begins (inclusive)
 * @param end the offset where it ends (exclusive); {@code end - start == text.length()}
 * @param metadata the document's metadata plus the chunker's keys ({@link ChunkMetadata}),
 *     copied into an immutable map sorted by key
 */
public record Chunk(String id, String docId, String version, String source, String title,
    int ordinal, String text, int start, int end, Map<String, String> metadata) {

  /** Validates the components, including the id rule and the offset arithmetic. */
  public Chunk {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    if (ordinal < 0) {
      throw new IllegalArgumentException("chunk ordinal must be >= 0, but is: " + ordinal);
    }
    if (!Objects.equals(id, idOf(docId, ordinal))) {
      throw new IllegalArgumentException(
          "chunk id must be \"" + idOf(docId, ordinal) + "\", but is: \"" + id + "\"");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("chunk " + id + " must have text, but it is blank");
    }
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("chunk " + id + " offsets [" + start + ", " + end
          + ") must be >= 0 and span its " + text.length() + " characters");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    Objects.requireNonNull(metadata, "metadata").forEach((key, value) -> sorted.put(
        Objects.requireNonNull(key, "metadata key"),
        Objects.requireNonNull(value, () -> "metadata value of \"" + key + "\"")));
    metadata = Collections.unmodifiableSortedMap(sorted);
  }

  /**
   * The id of chunk {@code ordinal} of document {@code docId}: {@code docId + "#" + ordinal}.
   * The part after the last {@code #} is always the ordinal, so two different (document, ordinal)
   * pairs never share an id, even when document ids contain {@code #}.
   */
  public static String idOf(String docId, int ordinal) {
    return docId + "#" + ordinal;
  }

  /**
   * The document id of a chunk id made by {@link #idOf}: everything before the last {@code #}.
   *
   * @throws IllegalArgumentException when the id has no {@code #}
   */
  public static String docIdOf(String chunkId) {
    int hash = chunkId.lastIndexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException("a chunk id is docId#ordinal, but this one has no '#': \""
          + chunkId + "\"");
    }
    return chunkId.substring(0, hash);
  }
}
