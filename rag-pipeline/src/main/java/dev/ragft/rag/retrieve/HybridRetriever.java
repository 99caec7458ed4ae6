package dev.ragft.rag.retrieve;

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
 */
public final class HybridRetriever implements Retriever {

  /** How deep each retriever's list goes before fusion, by default. */
  public static final int DEFAULT_DEPTH = 100;

  private final List<Retriever> retrievers;
  private final List<Double> weights;
  private final Fusion fusion;
  private final int depth;

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
    List<List<ScoredChunk>> lists = new ArrayList<>(retrievers.size());
    for (Retriever retriever : retrievers) {
      lists.add(retriever.retrieve(query, Math.max(k, depth)));
    }
    return fuse(lists, k);
  }

  /** Fuses lists the sub-retrievers already produced, in the order of the retrievers. */
  public List<ScoredChunk> fuse(List<List<ScoredChunk>> lists, int k) {
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
    List<Hit> fused = fusion.fuse(hits, weights);
    List<ScoredChunk> results = new ArrayList<>(Math.min(k, fused.size()));
    for (Hit hit : fused.subList(0, Math.min(k, fused.size()))) {
      results.add(new ScoredChunk(byId.get(hit.id()).chunk(), hit.score()));
    }
    return results;
  }

  /** The fused retrievers, in order. */
  public List<Retriever> retrievers() {
    return retrievers;
  }
}
