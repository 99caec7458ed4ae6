package dev.ragft.rag.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Every chunk id of one segment, by document: the ids packed as UTF-8 in one array in doc-values
 * ordinal order, and each document's ordinal. Looking an id up in Lucene's doc values means
 * advancing an iterator (forwards only, so callers sort their documents first) and decompressing a
 * block of the terms dictionary; ranking and fusion read the ids of a hundred or more hits per
 * query, so a segment's ids are read once, in ordinal order (each block decompressed once), and
 * kept: about the ids' length plus eight bytes per chunk (some 40 MB for a million chunks). A
 * lookup is then two array reads, in any order. Immutable, so thread-safe.
 */
public final class ChunkIdTable {

  private final byte[] bytes;
  private final int[] starts;
  private final int[] ordByDoc;
  private final boolean ascii;

  private ChunkIdTable(byte[] bytes, int[] starts, int[] ordByDoc, boolean ascii) {
    this.bytes = bytes;
    this.starts = starts;
    this.ordByDoc = ordByDoc;
    this.ascii = ascii;
  }

  /** Reads every id of a segment's chunk-id doc values. */
  static ChunkIdTable read(LeafReader reader) throws IOException {
    SortedDocValues values = reader.getSortedDocValues(Fields.CHUNK_ID);
    if (values == null) {
      throw new IllegalStateException("the segment has no chunk ids; is this a ragft index?");
    }
    int count = values.getValueCount();
    int[] starts = new int[count + 1];
    byte[] bytes = new byte[Math.max(16, count * 16)];
    int length = 0;
    TermsEnum terms = values.termsEnum();
    int ord = 0;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      if (length + term.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + term.length));
      }
      System.arraycopy(term.bytes, term.offset, bytes, length, term.length);
      length += term.length;
      starts[++ord] = length;
    }
    if (ord != count) {
      throw new IllegalStateException("the chunk id doc values hold " + count
          + " values, but their terms " + ord);
    }
    int[] ordByDoc = new int[reader.maxDoc()];
    Arrays.fill(ordByDoc, -1);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      ordByDoc[doc] = values.ordValue();
    }
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    return new ChunkIdTable(Arrays.copyOf(bytes, length), starts, ordByDoc, ascii);
  }

  /**
   * The chunk id of document {@code doc} of the segment (a segment-relative document number).
   *
   * @throws IllegalStateException when the document has no chunk id
   */
  public String idOf(int doc) {
    int ord = ordByDoc[doc];
    if (ord < 0) {
      throw new IllegalStateException("document " + doc + " of the segment has no chunk id; "
          + "is this a ragft index?");
    }
    return new String(bytes, starts[ord], starts[ord + 1] - starts[ord], StandardCharsets.UTF_8);
  }

  /**
   * Whether ordinals order this segment's ids as {@link String#compareTo} does: true when every id
   * is ASCII (doc values order UTF-8 bytes, which differs from Java's UTF-16 order only beyond it).
   */
  public boolean ordersLikeStrings() {
    return ascii;
  }

  /**
   * Compares the chunk id of document {@code doc} of this segment with that of document
   * {@code otherDoc} of segment {@code other}, as {@link String#compareTo} compares them, without
   * creating either string. Only for two segments that both {@link #ordersLikeStrings order like
   * strings} (all ASCII), where byte order is string order.
   *
   * @throws IllegalStateException when either segment holds a non-ASCII id, or a document has no
   *     chunk id
   */
  public int compareAscii(int doc, ChunkIdTable other, int otherDoc) {
    if (!ascii || !other.ascii) {
      throw new IllegalStateException("byte order is string order only for ASCII chunk ids");
    }
    int ord = ordByDoc[doc];
    int otherOrd = other.ordByDoc[otherDoc];
    if (ord < 0 || otherOrd < 0) {
      throw new IllegalStateException("a document has no chunk id; is this a ragft index?");
    }
    return Arrays.compare(bytes, starts[ord], starts[ord + 1],
        other.bytes, other.starts[otherOrd], other.starts[otherOrd + 1]);
  }

  /** The doc-values ordinal of document {@code doc}'s chunk id, -1 when it has none. */
  public int ordOf(int doc) {
    return ordByDoc[doc];
  }
}
