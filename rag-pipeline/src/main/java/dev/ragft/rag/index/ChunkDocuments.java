package dev.ragft.rag.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.ragft.common.Json;
import dev.ragft.rag.chunk.Chunk;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Converts chunks to Lucene documents and back. */
final class ChunkDocuments {

  private static final JavaType METADATA_TYPE = Json.mapper().getTypeFactory()
      .constructMapType(TreeMap.class, String.class, String.class);

  private ChunkDocuments() {
  }

  /** The Lucene document of a chunk, with one vector per model (model name to vector). */
  static Document toLucene(Chunk chunk, String docKey, Map<String, float[]> vectors) {
    Document doc = new Document();
    doc.add(new StringField(Fields.CHUNK_ID, chunk.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.CHUNK_ID, new BytesRef(chunk.id())));
    doc.add(new StringField(Fields.DOC_ID, chunk.docId(), Field.Store.YES));
    doc.add(new StringField(Fields.VERSION, chunk.version(), Field.Store.YES));
    doc.add(new StringField(Fields.SOURCE, chunk.source(), Field.Store.YES));
    doc.add(new StoredField(Fields.TITLE, chunk.title()));
    doc.add(new StoredField(Fields.TEXT, chunk.text()));
    doc.add(new TextField(Fields.CONTENTS, ChunkText.forBm25(chunk), Field.Store.NO));
    doc.add(new StoredField(Fields.ORDINAL, chunk.ordinal()));
    doc.add(new StoredField(Fields.START, chunk.start()));
    doc.add(new StoredField(Fields.END, chunk.end()));
    doc.add(new StoredField(Fields.METADATA, metadataJson(chunk.metadata())));
    chunk.metadata().forEach((key, value) ->
        doc.add(new StringField(Fields.meta(key), value, Field.Store.NO)));
    doc.add(new SortedDocValuesField(Fields.DOC_KEY, new BytesRef(docKey)));
    vectors.forEach((model, vector) -> doc.add(new KnnFloatVectorField(
        Fields.vector(model), vector, VectorSimilarityFunction.DOT_PRODUCT)));
    return doc;
  }

  /** Reads a chunk back from the stored fields of Lucene document {@code docId}. */
  static Chunk fromLucene(StoredFields stored, int docId) throws java.io.IOException {
    Document doc = stored.document(docId);
    return new Chunk(doc.get(Fields.CHUNK_ID), doc.get(Fields.DOC_ID), doc.get(Fields.VERSION),
        doc.get(Fields.SOURCE), doc.get(Fields.TITLE),
        doc.getField(Fields.ORDINAL).numericValue().intValue(), doc.get(Fields.TEXT),
        doc.getField(Fields.START).numericValue().intValue(),
        doc.getField(Fields.END).numericValue().intValue(),
        parseMetadata(doc.get(Fields.METADATA)));
  }

  private static String metadataJson(Map<String, String> metadata) {
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(metadata));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chunk metadata cannot be written as JSON", e);
    }
  }

  private static Map<String, String> parseMetadata(String json) {
    if (json.equals("{}")) {
      return Map.of();
    }
    try {
      return Json.mapper().readValue(json, METADATA_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored chunk metadata is not JSON: " + json, e);
    }
  }
}
