package dev.ragft.rag.retrieve;

import dev.ragft.common.RagftException;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Approximate nearest-neighbour search over one model's HNSW vector field. The query is embedded
 * with the model's query prefix; the graph is searched for {@code max(k, candidates)} neighbours
 * (a wider search finds the true neighbours more often, at some cost), then the top {@code k} are
 * kept, ranked and tie-broken on chunk ids from doc values so that only those {@code k} chunks
 * are read from stored fields. Scores are cosine similarities.
 */
public final class DenseRetriever implements Retriever, IndexRanker {

  /** The default search breadth. */
  public static final int DEFAULT_CANDIDATES = 100;

  private final CorpusIndex index;
  private final Embedder embedder;
  private final String field;
  private final int candidates;

  /**
   * A dense retriever.
   *
   * @param index the index, which must hold vectors of the embedder's model
   * @param embedder embeds queries
   * @param candidates the HNSW search breadth, at least 1
   */
  public DenseRetriever(CorpusIndex index, Embedder embedder, int candidates) {
    this.index = Objects.requireNonNull(index, "index");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    if (candidates < 1) {
      throw new IllegalArgumentException("search breadth must be >= 1, but is: " + candidates);
    }
    var field = index.settings().vectorField(embedder.spec().name());
    if (field.dimensions() != embedder.spec().dimensions()) {
      throw new RagftException("the index holds " + field.dimensions() + "-dimensional vectors of "
          + field.model() + ", but the embedder makes " + embedder.spec().dimensions());
    }
    this.field = Fields.vector(embedder.spec().name());
    this.candidates = candidates;
  }

  @Override
  public String name() {
    return "dense(" + embedder.spec().name() + ")";
  }

  /** The embedder of the queries. */
  public Embedder embedder() {
    return embedder;
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (query.text().isBlank()) {
      return List.of();
    }
    return retrieve(embedder.embedQuery(query.text()), query.filter(), k);
  }

  /** The ids and scores of {@link #retrieve(RetrievalQuery, int)}, no stored fields read. */
  @Override
  public List<Hit> hits(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (query.text().isBlank()) {
      return List.of();
    }
    return hits(embedder.embedQuery(query.text()), query.filter(), k);
  }

  @Override
  public CorpusIndex index() {
    return index;
  }

  @Override
  public List<Ranked> ranked(IndexSearcher searcher, RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (query.text().isBlank()) {
      return List.of();
    }
    return ranked(searcher, embedder.embedQuery(query.text()), query.filter(), k);
  }

  /** The top {@code k} chunks for an already embedded query. */
  public List<ScoredChunk> retrieve(float[] queryVector, Filter filter, int k) {
    Retriever.checkK(k);
    IndexSearcher searcher = index.acquire();
    try {
      return List.copyOf(Ranked.read(searcher, ranked(searcher, queryVector, filter, k)));
    } finally {
      index.release(searcher);
    }
  }

  /** The ids and scores of {@link #retrieve(float[], Filter, int)}, no stored fields read. */
  public List<Hit> hits(float[] queryVector, Filter filter, int k) {
    Retriever.checkK(k);
    IndexSearcher searcher = index.acquire();
    try {
      return ranked(searcher, queryVector, filter, k).stream().map(Ranked::hit).toList();
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The top {@code k} of a search for {@code max(k, candidates)} neighbours, in
   * {@link Ranked#ORDER}. Ties are broken by the chunk ids from the index's id tables, so only the
   * {@code k} chunks returned ever have their stored fields read.
   */
  List<Ranked> ranked(IndexSearcher searcher, float[] queryVector, Filter filter, int k) {
    int breadth = Math.max(k, candidates);
    try {
      TopDocs top = searcher.search(
          new KnnFloatVectorQuery(field, queryVector, breadth, filter.toQuery()), breadth);
      int[] docs = new int[top.scoreDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = top.scoreDocs[i].doc;
      }
      String[] ids = index.chunkIdsOf(searcher, docs);
      List<Ranked> ranked = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        // Lucene scores unit vectors as (1 + cosine) / 2; report the cosine itself.
        ranked.add(new Ranked(docs[i], ids[i], 2.0 * top.scoreDocs[i].score - 1.0));
      }
      Ranked.sortTies(ranked);
      return ranked.subList(0, Math.min(k, ranked.size()));
    } catch (IOException e) {
      throw new RagftException("dense search failed: " + e.getMessage(), e);
    }
  }

  /**
   * The vector this model's field holds for Lucene document {@code doc} of {@code searcher} (a
   * copy), or null when the document has none.
   */
  float[] vector(IndexSearcher searcher, int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      if (values == null) {
        return null;
      }
      KnnVectorValues.DocIndexIterator iterator = values.iterator();
      int target = doc - leaf.docBase;
      if (iterator.advance(target) != target) {
        return null;
      }
      return values.vectorValue(iterator.index()).clone();
    } catch (IOException e) {
      throw new RagftException("reading a vector of " + field + " failed: " + e.getMessage(), e);
    }
  }
}
