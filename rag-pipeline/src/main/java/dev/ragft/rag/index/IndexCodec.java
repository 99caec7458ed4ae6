package dev.ragft.rag.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The codec that writes each vector field with its own HNSW settings. It keeps the default
 * codec's name, so any Lucene of the same version reads the index: the per-field vector format is
 * recorded in the segment and looked up by name when reading.
 */
final class IndexCodec {

  private IndexCodec() {
  }

  /** A codec writing the given vector fields. */
  static Codec of(List<VectorFieldSettings> vectors) {
    Map<String, KnnVectorsFormat> formats = new HashMap<>();
    for (VectorFieldSettings field : vectors) {
      formats.put(Fields.vector(field.model()), format(field));
    }
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        KnnVectorsFormat format = formats.get(field);
        return format != null ? format : super.getKnnVectorsFormatForField(field);
      }
    };
  }

  static KnnVectorsFormat format(VectorFieldSettings field) {
    int m = field.maxConnections();
    int beam = field.beamWidth();
    return switch (field.quantization()) {
      case NONE -> new Lucene99HnswVectorsFormat(m, beam);
      case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, m, beam);
      case INT7 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, m, beam);
      case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, m, beam);
    };
  }
}
