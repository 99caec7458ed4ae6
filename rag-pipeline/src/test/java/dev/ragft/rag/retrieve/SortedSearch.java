package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The reference for BM25's tie-break: Lucene's own search sorted by score, then by the chunk id's
 * doc values, which scores every matching document with no pruning.
 */
final class SortedSearch {

  private static final Sort SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
      new SortField(Fields.CHUNK_ID, SortField.Type.STRING));

  private SortedSearch() {
  }

  /** The top {@code k} sorted by score, then chunk id. */
  static List<Ranked> top(IndexSearcher searcher, Query query, int k) throws IOException {
    TopFieldDocs top = searcher.search(query, k, SCORE_THEN_ID, false);
    List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      Object[] values = ((FieldDoc) hit).fields;
      ranked.add(new Ranked(hit.doc, ((BytesRef) values[1]).utf8ToString(), (Float) values[0]));
    }
    return ranked;
  }
}
