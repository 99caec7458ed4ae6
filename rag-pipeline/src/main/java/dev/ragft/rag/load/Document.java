package dev.ragft.rag.load;

import dev.ragft.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One document of a corpus, as loaded: its identity, where it came from, its text and metadata.
 * Chunk offsets point into {@link #text()}, so the text is kept exactly as the loader produced it.
 *
 * @param id the document id, unique within a corpus (see {@code docs/loading-and-chunking.md} for
 *     how each format derives it); not blank
 * @param source where the document came from: its path relative to the corpus root with {@code /}
 *     separators, or the JSONL file it was a line of, or a URI; not blank
 * @param version the corpus version it belongs to, e.g. {@code v1}; not blank
 * @param title the title, or empty when the document has none
 * @param text the text (Markdown stays Markdown; HTML and PDF become plain text)
 * @param metadata string metadata, copied into an immutable map sorted by key
 * @param contentHash the SHA-256 of title, text and metadata as {@link #hashOf} computes it, as
 *     64 lower-case hex digits; {@link #of} fills it in
 */
public record Document(String id, String source, String version, String title, String text,
    Map<String, String> metadata, String contentHash) {

  /** Validates the components and copies the metadata. */
  public Document {
    requireNotBlank(id, "id");
    requireNotBlank(source, "source");
    requireNotBlank(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    metadata = copy(metadata);
    Objects.requireNonNull(contentHash, "contentHash");
    if (contentHash.length() != 64 || !contentHash.chars().allMatch(Document::isLowerHex)) {
      throw new IllegalArgumentException(
          "document content hash must be 64 lower-case hex digits, but is: " + contentHash);
    }
  }

  /** A document whose content hash is computed from its title, text and metadata. */
  public static Document of(String id, String source, String version, String title, String text,
      Map<String, String> metadata) {
    Map<String, String> sorted = copy(metadata);
    return new Document(id, source, version, title, text, sorted, hashOf(title, text, sorted));
  }

  /**
   * The SHA-256 of everything a document contributes to an index apart from its identity: the
   * UTF-8 bytes of the title, the text, and each metadata key and value in key order, all
   * separated by NUL bytes. Two loads of an unchanged file give the same hash.
   */
  public static String hashOf(String title, String text, Map<String, String> metadata) {
    MessageDigest digest = Hashes.sha256();
    digest.update(title.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
      digest.update((byte) 0);
      digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Map<String, String> copy(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata");
    TreeMap<String, String> sorted = new TreeMap<>();
    metadata.forEach((key, value) -> sorted.put(
        Objects.requireNonNull(key, "metadata key"),
        Objects.requireNonNull(value, () -> "metadata value of \"" + key + "\"")));
    return Collections.unmodifiableSortedMap(sorted);
  }

  private static void requireNotBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("document " + name + " must not be blank, but is: \""
          + value + "\"");
    }
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
