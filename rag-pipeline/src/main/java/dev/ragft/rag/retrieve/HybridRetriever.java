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
    this.index = index;
    this.retrievers = List.copyOf(retrievers);
    this.weights = List.copyOf(weights);
    this.fusion = Objects.requireNonNull(fusion, "fusion");
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
        .collect(Collectors.joining(" + ")) + ")";
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
    List<List<Ranked>> lists = new ArrayList<>(rankers.size());
    for (IndexRanker ranker : rankers) {
      lists.add(ranker.ranked(searcher, query, Math.max(k, depth)));
    }
    FusionSlots slots = FusionSlots.ofRanked(lists);
    return slots.topRanked(slots.fuse(fusion, weights), k);
  }

  private List<Hit> fusedTop(List<List<Hit>> lists, int k) {
    return List.copyOf(fusion.top(lists, weights, k));
  }

  /** Fuses lists the sub-retrievers already produced, in the order of the retrievers. */
  public List<ScoredChunk> fuse(List<List<ScoredChunk>> lists, int k) {
    return fuse(lists, weights, k);
  }

  /**
   * Fuses lists the sub-retrievers already produced with other weights than this retriever's, as
   * a retriever with those weights would.
   *
   * @param lists one list per retriever, in the order of the retrievers
   * @param weights one weight per retriever
   * @param k how many fused chunks to return
   */
  public List<ScoredChunk> fuse(List<List<ScoredChunk>> lists, List<Double> weights, int k) {
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
    return new HybridRetriever(index, retrievers, newWeights, fusion, depth);
  }

  /** How many chunks each retriever contributes at least. */
  public int depth() {
    return depth;
  }
}
