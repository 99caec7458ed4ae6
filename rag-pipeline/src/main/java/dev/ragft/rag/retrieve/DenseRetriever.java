package dev.ragft.rag.retrieve;

import dev.ragft.common.RagftException;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Approximate nearest-neighbour search over one model's HNSW vector field. The query is embedded
 * with the model's query prefix; the graph is searched for {@code max(k, candidates)} neighbours
 * (a wider search finds the true neighbours more often, at some cost), then the top {@code k} are
 * kept. Scores are cosine similarities.
 */
public final class DenseRetriever implements Retriever {

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

  /** The top {@code k} chunks for an already embedded query. */
  public List<ScoredChunk> retrieve(float[] queryVector, Filter filter, int k) {
    Retriever.checkK(k);
    int breadth = Math.max(k, candidates);
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = searcher.search(
          new KnnFloatVectorQuery(field, queryVector, breadth, filter.toQuery()), breadth);
      List<ScoredChunk> results = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        // Lucene scores unit vectors as (1 + cosine) / 2; report the cosine itself.
        results.add(new ScoredChunk(CorpusIndex.chunk(searcher, hit.doc), 2.0 * hit.score - 1.0));
      }
      results.sort(ScoredChunk.ORDER);
      return List.copyOf(results.subList(0, Math.min(k, results.size())));
    } catch (IOException e) {
      throw new RagftException("dense search failed: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }
}
