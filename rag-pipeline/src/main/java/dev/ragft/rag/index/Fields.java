package dev.ragft.rag.index;

/** The Lucene field names of a ragft index, in one place. */
public final class Fields {

  /** The chunk id: indexed for lookups, stored, and sorted doc values for tie-breaking. */
  public static final String CHUNK_ID = "chunk_id";
  /** The document id: the term every update and delete is keyed by. */
  public static final String DOC_ID = "doc_id";
  /** The document version, for filters. */
  public static final String VERSION = "version";
  /** The document source, for filters. */
  public static final String SOURCE = "source";
  /** The document title (stored). */
  public static final String TITLE = "title";
  /** The chunk text (stored, exactly as chunked, for citations). */
  public static final String TEXT = "text";
  /** The BM25 field: title, headings and chunk text, analyzed, not stored. */
  public static final String CONTENTS = "contents";
  /** The chunk's position in its document (stored). */
  public static final String ORDINAL = "ordinal";
  /** The chunk's start offset in its document text (stored). */
  public static final String START = "start";
  /** The chunk's end offset in its document text (stored). */
  public static final String END = "end";
  /** The chunk metadata as a JSON object (stored). */
  public static final String METADATA = "metadata";
  /** Prefix of the filterable metadata fields: {@code meta.<key>}. */
  public static final String META_PREFIX = "meta.";
  /** The document's change key (content hash and chunking fingerprint), as doc values. */
  public static final String DOC_KEY = "doc_key";
  /** Prefix of the vector fields: {@code vec.<model>}. */
  public static final String VECTOR_PREFIX = "vec.";

  private Fields() {
  }

  /** The vector field of an embedding model. */
  public static String vector(String model) {
    return VECTOR_PREFIX + model;
  }

  /** The filter field of a metadata key. */
  public static String meta(String key) {
    return META_PREFIX + key;
  }
}
