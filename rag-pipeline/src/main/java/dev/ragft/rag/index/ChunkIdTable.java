package dev.ragft.rag.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every chunk id of one segment, by its doc-values ordinal, packed as UTF-8 in one array. Looking
 * an ordinal up in Lucene's doc values decompresses a block of the terms dictionary each time;
 * ranking reads the ids of a hundred or more hits per query, so a segment's ids are read once, in
 * ordinal order (each block decompressed once), and kept: about the ids' length plus four bytes
 * per chunk (some 35 MB for a million chunks). Immutable, so thread-safe.
 */
final class ChunkIdTable {

  private final byte[] bytes;
  private final int[] starts;

  private ChunkIdTable(byte[] bytes, int[] starts) {
    this.bytes = bytes;
    this.starts = starts;
  }

  /** Reads every id of a segment's chunk-id doc values. */
  static ChunkIdTable read(SortedDocValues values) throws IOException {
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
    return new ChunkIdTable(Arrays.copyOf(bytes, length), starts);
  }

  /** The id of ordinal {@code ord}. */
  String id(int ord) {
    return new String(bytes, starts[ord], starts[ord + 1] - starts[ord], StandardCharsets.UTF_8);
  }
}
