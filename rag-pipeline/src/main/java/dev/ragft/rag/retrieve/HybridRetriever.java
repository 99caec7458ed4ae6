package dev.ragft.rag.retrieve;

import dev.ragft.rag.chunk.Chunk;
import dev.ragft.rag.index.CorpusIndex;
import org.apache.lucene.search.IndexSearcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fuses several retrievers (BM25 and one or more dense models, say): each retrieves its own top
 * {@code depth} chunks, the lists are fused, and the top {@code k} fused chunks are returned with
 * their fused scores.
 *
 * <p>Given the index its retrievers search, it fuses their {@link Retriever#hits hits} (ids and
 * scores) and reads only the {@code k} chunks it returns, instead of every chunk of every list:
 * with lists 100 deep, 10 stored-field reads instead of 200, the bulk of a hybrid query's time
 * on a large index. When every retriever is one of ragft's index retrievers over that index (BM25
 * and dense), all lists are searched on one searcher, so they see one commit and the chunks
 * returned are read by Lucene document. Without an index it retrieves every list's chunks and
 * fuses those (the plain reference the fast path is tested against). All give the same results.
 *
 * <p>With {@link VectorFeedback}, the top chunks of the first fused ranking move each dense
 * query vector, the dense lists are searched again on the same searcher, and the lists are fused
 * once more. {@link #lists} and {@link #hits(IndexSearcher, QueryLists, List, int)} split a query
 * into its searches and its fusion, so that weight tuning fuses one query's lists with many
 * weightings at the cost of one search.
 */
public final class HybridRetriever implements Retriever {

  /** How deep each retriever's list goes before fusion, by default. */
  public static final int DEFAULT_DEPTH = 100;

  private final CorpusIndex index;
  private final List<Retriever> retrievers;
  private final List<Double> weights;
  private final Fusion fusion;
  private final int depth;
  private final List<IndexRanker> rankers;
  private final VectorFeedback feedback;

  /**
   * A hybrid retriever.
   *
   * @param retrievers the retrievers to fuse, at least one
   * @param weights one weight per retriever
   * @param fusion how the lists are fused
   * @param depth how many chunks each retriever contributes, at least 1
   */
  public HybridRetriever(List<Retriever> retrievers, List<Double> weights, Fusion fusion,
      int depth) {
    this(null, retrievers, weights, fusion, depth);
  }

  /**
   * A hybrid retriever that fuses ids and reads only the chunks it returns.
   *
   * @param index the index every one of the retrievers searches, or null to read every list's
   *     chunks
   * @param retrievers the retrievers to fuse, at least one
   * @param weights one weight per retriever
   * @param fusion how the lists are fused
   * @param depth how many chunks each retriever contributes, at least 1
   */
  public HybridRetriever(CorpusIndex index, List<Retriever> retrievers, List<Double> weights,
      Fusion fusion, int depth) {
    this(index, retrievers, weights, fusion, depth, VectorFeedback.OFF);
  }

  /**
   * A hybrid retriever with pseudo-relevance feedback for its dense lists.
   *
   * @param index the index every one of the retrievers searches; with feedback, every retriever
   *     must be one of ragft's BM25 or dense retrievers over it, one of them dense
   * @param retrievers the retrievers to fuse, at least one
   * @param weights one weight per retriever
   * @param fusion how the lists are fused
   * @param depth how many chunks each retriever contributes, at least 1
   * @param feedback the feedback, or {@link VectorFeedback#OFF}
   */
  public HybridRetriever(CorpusIndex index, List<Retriever> retrievers, List<Double> weights,
      Fusion fusion, int depth, VectorFeedback feedback) {
    this.index = index;
    this.retrievers = List.copyOf(retrievers);
    this.weights = List.copyOf(weights);
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    if (this.retrievers.isEmpty()) {
      throw new IllegalArgumentException("a hybrid retriever needs at least one retriever");
    }
    if (this.weights.size() != this.retrievers.size()) {
      throw new IllegalArgumentException("a hybrid retriever needs one weight per retriever, but "
          + "has " + this.weights.size() + " weights for " + this.retrievers.size());
    }
    if (depth < 1) {
      throw new IllegalArgumentException("fusion depth must be >= 1, but is: " + depth);
    }
    this.depth = depth;
    this.rankers = index == null ? null : rankersOf(index, this.retrievers);
    if (feedback.enabled()) {
      if (rankers == null) {
        throw new IllegalArgumentException("vector feedback reads the vectors of the index every "
            + "list searches, but " + (index == null ? "no index was given"
                : "not every retriever is a BM25 or dense retriever over it"));
      }
      if (rankers.stream().noneMatch(DenseRetriever.class::isInstance)) {
        throw new IllegalArgumentException("vector feedback needs a dense list to search again, "
            + "but the lists are " + name());
      }
    }
  }

  /**
   * The retrievers as rankers on one searcher, when every one of them searches {@code index};
   * otherwise null.
   */
  private static List<IndexRanker> rankersOf(CorpusIndex index, List<Retriever> retrievers) {
    List<IndexRanker> rankers = new ArrayList<>(retrievers.size());
    for (Retriever retriever : retrievers) {
      if (!(retriever instanceof IndexRanker ranker) || ranker.index() != index) {
        return null;
      }
      rankers.add(ranker);
    }
    return List.copyOf(rankers);
  }

  @Override
  public String name() {
    String kind = switch (fusion) {
      case Fusion.Rrf rrf -> "rrf";
      case Fusion.WeightedSum sum -> sum.normalization().name().toLowerCase().replace('_', '-');
    };
    return "hybrid(" + kind + ": " + retrievers.stream().map(Retriever::name)
        .collect(Collectors.joining(" + "))
        + (feedback.enabled() ? "; " + feedback.describe() : "") + ")";
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (rankers != null) {
      IndexSearcher searcher = index.acquire();
      try {
        return Ranked.read(searcher, fusedTopRanked(searcher, query, k));
      } finally {
        index.release(searcher);
      }
    }
    if (index != null) {
      List<Hit> top = hits(query, k);
      Map<String, Chunk> chunks = index.chunks(top.stream().map(Hit::id).toList());
      if (chunks.size() == top.size()) {
        List<ScoredChunk> results = new ArrayList<>(top.size());
        for (Hit hit : top) {
          results.add(new ScoredChunk(chunks.get(hit.id()), hit.score()));
        }
        return results;
      }
      // A chunk was deleted between the searches and the read (the index was refreshed):
      // retrieve the chunks with the lists instead.
    }
    List<List<ScoredChunk>> lists = new ArrayList<>(retrievers.size());
    for (Retriever retriever : retrievers) {
      lists.add(retriever.retrieve(query, Math.max(k, depth)));
    }
    return fuse(lists, k);
  }

  /** The fused ids and scores of the top {@code k}, no chunk read. */
  @Override
  public List<Hit> hits(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (rankers != null) {
      IndexSearcher searcher = index.acquire();
      try {
        return fusedTopRanked(searcher, query, k).stream().map(Ranked::hit).toList();
      } finally {
        index.release(searcher);
      }
    }
    List<List<Hit>> lists = new ArrayList<>(retrievers.size());
    for (Retriever retriever : retrievers) {
      lists.add(retriever.hits(query, Math.max(k, depth)));
    }
    return fusedTop(lists, k);
  }

  /**
   * The fused top {@code k} of every ranker's list on one searcher, fused by Lucene document.
   */
  private List<Ranked> fusedTopRanked(IndexSearcher searcher, RetrievalQuery query, int k) {
    return topRanked(searcher, lists(searcher, query, k), weights, k);
  }

  /**
   * Searches every list of a query once on {@code searcher} (a searcher of {@link #index()}), to
   * be fused by {@link #hits(IndexSearcher, QueryLists, List, int)} with any weights.
   *
   * @param searcher the searcher
   * @param query the query
   * @param k how many fused chunks will be asked for
   * @throws IllegalStateException when the retrievers do not all search this retriever's index
   */
  public QueryLists lists(IndexSearcher searcher, RetrievalQuery query, int k) {
    Retriever.checkK(k);
    if (rankers == null) {
      throw new IllegalStateException("lists are kept only for retrievers that all search one "
          + "index, but this one fuses " + name());
    }
    int listDepth = Math.max(k, depth);
    List<List<Ranked>> lists = new ArrayList<>(rankers.size());
    float[][] vectors = new float[rankers.size()][];
    for (int i = 0; i < rankers.size(); i++) {
      IndexRanker ranker = rankers.get(i);
      if (feedback.enabled() && ranker instanceof DenseRetriever dense
          && !query.text().isBlank()) {
        vectors[i] = dense.embedder().embedQuery(query.text());
        lists.add(dense.ranked(searcher, vectors[i], query.filter(), listDepth));
      } else {
        lists.add(ranker.ranked(searcher, query, listDepth));
      }
    }
    return new QueryLists(lists, vectors, query.filter(), listDepth);
  }

  /**
   * The fused top {@code k} of a query's lists with these weights, as a retriever with those
   * weights returns them; feedback searches the dense lists again on {@code searcher}.
   *
   * @param searcher the searcher the lists were made on
   * @param lists the query's lists
   * @param weights one weight per retriever
   * @param k how many fused chunks to return
   */
  public List<Hit> hits(IndexSearcher searcher, QueryLists lists, List<Double> weights, int k) {
    Retriever.checkK(k);
    return topRanked(searcher, lists, weights, k).stream().map(Ranked::hit).toList();
  }

  private List<Ranked> topRanked(IndexSearcher searcher, QueryLists lists, List<Double> weights,
      int k) {
    FusionSlots slots = FusionSlots.ofRanked(lists.lists());
    double[] fused = slots.fuse(fusion, weights);
    if (!feedback.enabled() || !lists.hasQueryVectors() || slots.size() == 0) {
      return slots.topRanked(fused, k);
    }
    List<Ranked> seeds = slots.topRanked(fused, feedback.docs());
    FusionSlots again = FusionSlots.ofRanked(
        lists.withFeedback(seeds, () -> searchAgain(searcher, lists, seeds)));
    return again.topRanked(again.fuse(fusion, weights), k);
  }

  /** The lists with every dense one searched again for its query moved towards the seeds. */
  private List<List<Ranked>> searchAgain(IndexSearcher searcher, QueryLists lists,
      List<Ranked> seeds) {
    List<List<Ranked>> again = new ArrayList<>(lists.lists());
    for (int i = 0; i < rankers.size(); i++) {
      float[] query = lists.queryVector(i);
      if (query == null) {
        continue;
      }
      DenseRetriever dense = (DenseRetriever) rankers.get(i);
      List<float[]> seedVectors = new ArrayList<>(seeds.size());
      for (Ranked seed : seeds) {
        float[] vector = dense.vector(searcher, seed.doc());
        if (vector != null) {
          seedVectors.add(vector);
        }
      }
      if (!seedVectors.isEmpty()) {
        again.set(i, dense.ranked(searcher, feedback.expand(query, seedVectors), lists.filter(),
            lists.depth()));
      }
    }
    return again;
  }

  private List<Hit> fusedTop(List<List<Hit>> lists, int k) {
    return List.copyOf(fusion.top(lists, weights, k));
  }

  /** Fuses lists the sub-retrievers already produced, in the order of the retrievers. */
  private List<ScoredChunk> fuse(List<List<ScoredChunk>> lists, int k) {
    Map<String, ScoredChunk> byId = new HashMap<>();
    List<List<Hit>> hits = new ArrayList<>(lists.size());
    for (List<ScoredChunk> list : lists) {
      List<Hit> listHits = new ArrayList<>(list.size());
      for (ScoredChunk scored : list) {
        byId.putIfAbsent(scored.id(), scored);
        listHits.add(scored.hit());
      }
      hits.add(listHits);
    }
    List<Hit> fused = fusion.top(hits, weights, k);
    List<ScoredChunk> results = new ArrayList<>(fused.size());
    for (Hit hit : fused) {
      results.add(new ScoredChunk(byId.get(hit.id()).chunk(), hit.score()));
    }
    return results;
  }

  /** The fused retrievers, in order. */
  public List<Retriever> retrievers() {
    return retrievers;
  }

  /** A retriever over the same lists with other weights, one per retriever. */
  public HybridRetriever withWeights(List<Double> newWeights) {
    return new HybridRetriever(index, retrievers, newWeights, fusion, depth, feedback);
  }

  /** The index all retrievers search, or null when none was given. */
  public CorpusIndex index() {
    return index;
  }

  /** The feedback, {@link VectorFeedback#OFF} when there is none. */
  public VectorFeedback feedback() {
    return feedback;
  }

  /** How many chunks each retriever contributes at least. */
  public int depth() {
    return depth;
  }
}
