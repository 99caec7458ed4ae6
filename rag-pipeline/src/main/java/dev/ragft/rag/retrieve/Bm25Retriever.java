package dev.ragft.rag.retrieve;

import dev.ragft.common.RagftException;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * BM25 over the index's text field. The query is analyzed like the text and becomes a bag of
 * words: one optional clause per distinct term, boosted by how often the term occurs, so no query
 * syntax can fail to parse. Ties are broken by chunk id, the cut at {@code k} included, so results
 * are deterministic; only the {@code k} chunks returned are read from stored fields.
 */
public final class Bm25Retriever implements Retriever {

  private static final Sort SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
      new SortField(Fields.CHUNK_ID, SortField.Type.STRING));

  private final CorpusIndex index;

  /** A BM25 retriever over an index. */
  public Bm25Retriever(CorpusIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  @Override
  public String name() {
    return "bm25";
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    Query full = query(query);
    if (full == null) {
      return List.of();
    }
    IndexSearcher searcher = index.acquire();
    try {
      List<Ranked> top = top(index, searcher, full, k);
      List<ScoredChunk> results = new ArrayList<>(top.size());
      for (Ranked hit : top) {
        results.add(new ScoredChunk(CorpusIndex.chunk(searcher, hit.doc()), hit.score()));
      }
      return results;
    } catch (IOException e) {
      throw new RagftException("BM25 search failed: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /** The ids and scores of {@link #retrieve}, no stored fields read. */
  @Override
  public List<Hit> hits(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    Query full = query(query);
    if (full == null) {
      return List.of();
    }
    IndexSearcher searcher = index.acquire();
    try {
      return top(index, searcher, full, k).stream().map(hit -> new Hit(hit.id(), hit.score())).toList();
    } catch (IOException e) {
      throw new RagftException("BM25 search failed: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The top {@code k} by score, ties broken by chunk id. Usually a plain search for the top
   * {@code k + 1} by score decides: when the k-th score is above the next one, the top {@code k}
   * are the same under any tie-break, so they are only put in order by their ids (from doc
   * values); Lucene keeps its dynamic pruning, which a sort on a second field would weaken. When
   * the k-th score ties with the next, the ids decide which of the tied documents make the cut:
   * {@link #tiedTop} finds them with a second pruned search.
   */
  static List<Ranked> top(CorpusIndex index, IndexSearcher searcher, Query query, int k)
      throws IOException {
    ScoreDoc[] hits = searcher.search(query, k == Integer.MAX_VALUE ? k : k + 1).scoreDocs;
    if (hits.length > k && hits[k - 1].score == hits[k].score) {
      return tiedTop(index, searcher, query, k, hits);
    }
    return ranked(index, searcher, hits, Math.min(k, hits.length));
  }

  /**
   * The top {@code k} when the k-th score of {@code hits} (the top {@code k + 1}) ties with the
   * next: every hit scoring above the tied score, then, of all documents scoring exactly that,
   * those with the smallest chunk ids. A second search collects the tied documents while
   * skipping every document that cannot reach the tied score; should it disagree with the first
   * about the documents above, the sorted search ({@link #sortedTop}) decides.
   */
  private static List<Ranked> tiedTop(CorpusIndex index, IndexSearcher searcher, Query query,
      int k, ScoreDoc[] hits) throws IOException {
    float tiedScore = hits[k - 1].score;
    int above = 0;
    while (hits[above].score > tiedScore) {
      above++;
    }
    TiedScoreCollector tied = new TiedScoreCollector(tiedScore, k - above);
    searcher.search(query, tied);
    if (tied.above() != above || tied.tied() < k - above) {
      return sortedTop(searcher, query, k);
    }
    List<Ranked> ranked = new ArrayList<>(ranked(index, searcher, hits, above));
    for (TiedScoreCollector.Tied doc : tied.smallest()) {
      ranked.add(new Ranked(doc.doc(), doc.id(), tiedScore));
    }
    ranked.sort(Ranked.ORDER);
    return ranked;
  }

  /** The first {@code count} hits with their chunk ids, in {@link Ranked#ORDER}. */
  private static List<Ranked> ranked(CorpusIndex index, IndexSearcher searcher, ScoreDoc[] hits,
      int count) {
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = hits[i].doc;
    }
    String[] ids = index.chunkIdsOf(searcher, docs);
    List<Ranked> ranked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ranked.add(new Ranked(docs[i], ids[i], hits[i].score));
    }
    ranked.sort(Ranked.ORDER);
    return ranked;
  }

  /** The top {@code k} from a search sorted by score, then by the chunk id's doc values. */
  static List<Ranked> sortedTop(IndexSearcher searcher, Query query, int k) throws IOException {
    // The sort values hold each hit's score and chunk id: no second scoring pass, no stored field.
    TopFieldDocs top = searcher.search(query, k, SCORE_THEN_ID, false);
    List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      Object[] values = ((FieldDoc) hit).fields;
      ranked.add(new Ranked(hit.doc, ((BytesRef) values[1]).utf8ToString(), (Float) values[0]));
    }
    return ranked;
  }

  /** A hit before its chunk is read: Lucene document, chunk id and BM25 score. */
  record Ranked(int doc, String id, double score) {
    /** {@link ScoredChunk#ORDER} on ids: score descending, then chunk id ascending. */
    static final Comparator<Ranked> ORDER =
        Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id);
  }

  /** The query with its filter, or null when the text has no terms. */
  private Query query(RetrievalQuery query) {
    Query text = bagOfWords(index.analyzer(), query.text());
    if (text == null) {
      return null;
    }
    Query filter = query.filter().toQuery();
    return filter == null ? text : new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
  }

  /**
   * The bag-of-words query of a text: each distinct analyzed term once, boosted by its count;
   * null when the text has no terms (empty, or only stop words).
   */
  public static Query bagOfWords(Analyzer analyzer, String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(Fields.CONTENTS, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyze the query: " + e.getMessage(), e);
    }
    if (counts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (clauses++ == IndexSearcher.getMaxClauseCount()) {
        break;
      }
      Query termQuery = new TermQuery(new Term(Fields.CONTENTS, entry.getKey()));
      builder.add(entry.getValue() == 1 ? termQuery : new BoostQuery(termQuery, entry.getValue()),
          BooleanClause.Occur.SHOULD);
    }
    return builder.build();
  }
}
