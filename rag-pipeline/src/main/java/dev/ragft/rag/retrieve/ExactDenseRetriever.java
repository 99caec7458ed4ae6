package dev.ragft.rag.retrieve;

import dev.ragft.common.RagftException;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.VectorMath;
import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Exact nearest neighbours by scanning every vector: the reference that approximate search is
 * measured against (recall@k) and the speed floor of dense search. Same scores and order as
 * {@link DenseRetriever}, without the graph.
 */
public final class ExactDenseRetriever implements Retriever {

  private final CorpusIndex index;
  private final Embedder embedder;
  private final String field;

  /** An exact retriever over the embedder's vector field. */
  public ExactDenseRetriever(CorpusIndex index, Embedder embedder) {
    this.index = Objects.requireNonNull(index, "index");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    index.settings().vectorField(embedder.spec().name());
    this.field = Fields.vector(embedder.spec().name());
  }

  @Override
  public String name() {
    return "exact(" + embedder.spec().name() + ")";
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (query.text().isBlank()) {
      return List.of();
    }
    return retrieve(embedder.embedQuery(query.text()), query.filter(), k);
  }

  /** The exact top {@code k} for an already embedded query. */
  public List<ScoredChunk> retrieve(float[] queryVector, Filter filter, int k) {
    Retriever.checkK(k);
    IndexSearcher searcher = index.acquire();
    try {
      Query filterQuery = filter.toQuery();
      Weight filterWeight = filterQuery == null ? null
          : searcher.createWeight(searcher.rewrite(filterQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
      PriorityQueue<Candidate> top = new PriorityQueue<>(k + 1, Candidate::worseFirst);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator allowed = null;
        if (filterWeight != null) {
          Scorer scorer = filterWeight.scorer(leaf);
          if (scorer == null) {
            continue;
          }
          allowed = scorer.iterator();
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = iterator.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (allowed != null && (allowed.docID() > doc
              || (allowed.docID() < doc && allowed.advance(doc) != doc))) {
            continue;
          }
          float score = VectorMath.dot(queryVector, values.vectorValue(iterator.index()));
          top.add(new Candidate(leaf.docBase + doc, score));
          if (top.size() > k) {
            top.poll();
          }
        }
      }
      List<Candidate> kept = List.copyOf(top);
      int[] docs = kept.stream().mapToInt(Candidate::doc).toArray();
      List<Chunk> chunks = CorpusIndex.chunks(searcher, docs);
      List<ScoredChunk> results = new ArrayList<>(kept.size());
      for (int i = 0; i < docs.length; i++) {
        results.add(new ScoredChunk(chunks.get(i), kept.get(i).score));
      }
      results.sort(ScoredChunk.ORDER);
      return results;
    } catch (IOException e) {
      throw new RagftException("exact dense search failed: " + e.getMessage(), e);
    } finally {
      index.release(searcher);
    }
  }

  private record Candidate(int doc, float score) {
    static int worseFirst(Candidate a, Candidate b) {
      int byScore = Float.compare(a.score, b.score);
      return byScore != 0 ? byScore : Integer.compare(b.doc, a.doc);
    }
  }
}
