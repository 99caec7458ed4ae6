package dev.ragft.rag.retrieve;

import dev.ragft.common.RagftException;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * BM25 over the index's text field. The query is analyzed like the text and becomes a bag of
 * words: one optional clause per distinct term, boosted by how often the term occurs, so no query
 * syntax can fail to parse. Ties are broken by chunk id, the cut at {@code k} included, so results
 * are deterministic; only the {@code k} chunks returned are read from stored fields.
 */
public final class Bm25Retriever implements Retriever, IndexRanker {

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
  public CorpusIndex index() {
    return index;
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    IndexSearcher searcher = index.acquire();
    try {
      return Ranked.read(searcher, ranked(searcher, query, k));
    } finally {
      index.release(searcher);
    }
  }

  /** The ids and scores of {@link #retrieve}, no stored fields read. */
  @Override
  public List<Hit> hits(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    IndexSearcher searcher = index.acquire();
    try {
      return ranked(searcher, query, k).stream().map(Ranked::hit).toList();
    } finally {
      index.release(searcher);
    }
  }

  @Override
  public List<Ranked> ranked(IndexSearcher searcher, RetrievalQuery query, int k) {
    Retriever.checkK(k);
    Query full = query(query);
    if (full == null) {
      return List.of();
    }
    try {
      return top(index, searcher, full, k);
    } catch (IOException e) {
      throw new RagftException("BM25 search failed: " + e.getMessage(), e);
    }
  }

  /**
   * The top {@code k} by score, ties broken by chunk id, the cut at {@code k} included, in one
   * pruned search ({@link ScoreThenIdCollector}).
   */
  static List<Ranked> top(CorpusIndex index, IndexSearcher searcher, Query query, int k)
      throws IOException {
    // No more documents than the index holds can match: the collector's heap needs no more room.
    int limit = Math.min(k, Math.max(1, searcher.getIndexReader().maxDoc()));
    ScoreThenIdCollector collector = new ScoreThenIdCollector(index, limit);
    searcher.search(query, collector);
    return collector.top();
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
