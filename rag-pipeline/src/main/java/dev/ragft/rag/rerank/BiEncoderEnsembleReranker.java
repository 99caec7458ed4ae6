package dev.ragft.rag.rerank;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.VectorMath;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.retrieve.Fusion;
import dev.ragft.rag.retrieve.Hit;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-scores candidates with several embedding models and fuses their rankings with the
 * first-stage ranking. This is the in-process reranking the Maven-published models allow when no
 * cross-encoder is at hand: models trained differently make different mistakes, and fusing them
 * over a shortlist costs one embedding of the shortlist per model (none for chunks already in the
 * embedding cache).
 */
public final class BiEncoderEnsembleReranker implements Reranker {

  private final List<Embedder> embedders;
  private final List<Double> weights;
  private final double firstStageWeight;
  private final Fusion fusion;

  /**
   * An ensemble reranker.
   *
   * @param embedders the models that re-score, at least one
   * @param weights one weight per model
   * @param firstStageWeight the weight of the first-stage ranking (0 ignores it)
   * @param fusion how the rankings are fused
   */
  public BiEncoderEnsembleReranker(List<Embedder> embedders, List<Double> weights,
      double firstStageWeight, Fusion fusion) {
    this.embedders = List.copyOf(embedders);
    this.weights = List.copyOf(weights);
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    if (this.embedders.isEmpty() || this.embedders.size() != this.weights.size()) {
      throw new IllegalArgumentException("an ensemble needs at least one model and one weight per "
          + "model, but has " + this.embedders.size() + " models and " + this.weights.size()
          + " weights");
    }
    if (!(firstStageWeight >= 0)) {
      throw new IllegalArgumentException(
          "first-stage weight must be >= 0, but is: " + firstStageWeight);
    }
    this.firstStageWeight = firstStageWeight;
  }

  @Override
  public String name() {
    return "ensemble(" + String.join("+", embedders.stream().map(e -> e.spec().name()).toList())
        + ")";
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int k) {
    if (candidates.isEmpty()) {
      return Reranking.top(List.of(), k);
    }
    List<String> texts = candidates.stream().map(c -> ChunkText.forEmbedding(c.chunk())).toList();
    List<List<Hit>> lists = new ArrayList<>();
    List<Double> listWeights = new ArrayList<>();
    if (firstStageWeight > 0) {
      List<Hit> first = new ArrayList<>(candidates.stream().map(ScoredChunk::hit).toList());
      first.sort(Hit.ORDER);
      lists.add(first);
      listWeights.add(firstStageWeight);
    }
    for (int m = 0; m < embedders.size(); m++) {
      Embedder embedder = embedders.get(m);
      float[] q = embedder.embedQuery(query);
      float[][] vectors = embedder.embedPassages(texts);
      List<Hit> hits = new ArrayList<>(candidates.size());
      for (int i = 0; i < candidates.size(); i++) {
        hits.add(new Hit(candidates.get(i).id(), VectorMath.dot(q, vectors[i])));
      }
      hits.sort(Hit.ORDER);
      lists.add(hits);
      listWeights.add(weights.get(m));
    }
    Map<String, ScoredChunk> byId = new HashMap<>();
    candidates.forEach(c -> byId.putIfAbsent(c.id(), c));
    List<ScoredChunk> fused = new ArrayList<>();
    for (Hit hit : fusion.fuse(lists, listWeights)) {
      fused.add(new ScoredChunk(byId.get(hit.id()).chunk(), hit.score()));
    }
    return Reranking.top(fused, k);
  }
}
