package dev.ragft.rag.rerank;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.VectorMath;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maximal marginal relevance: picks chunks one at a time, each maximizing
 * {@code lambda * sim(query, c) - (1 - lambda) * max sim(c, already picked)}, so that near-copies of
 * what was already picked give way to chunks that add something. Similarities are cosines of the
 * embedder's vectors (give it a cached embedder: the candidates were embedded when indexed).
 * Because a marginal score is not monotone, the returned scores are rank scores, {@code 1} for the
 * first pick down to {@code 1/k}; ties between equal marginal scores go to the lower chunk id.
 */
public final class MmrReranker implements Reranker {

  private final Embedder embedder;
  private final double lambda;

  /**
   * An MMR reranker.
   *
   * @param embedder embeds the query and the candidates
   * @param lambda relevance against diversity, from 0 (only diversity) to 1 (only relevance)
   */
  public MmrReranker(Embedder embedder, double lambda) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("MMR lambda must be between 0 and 1, but is: " + lambda);
    }
    this.lambda = lambda;
  }

  @Override
  public String name() {
    return "mmr(" + lambda + ")";
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
    List<ScoredChunk> pool = new ArrayList<>(candidates);
    pool.sort((a, b) -> a.id().compareTo(b.id()));
    if (pool.isEmpty()) {
      return List.of();
    }
    float[] q = embedder.embedQuery(query);
    List<String> texts = pool.stream().map(c -> ChunkText.forEmbedding(c.chunk())).toList();
    float[][] vectors = embedder.embedPassages(texts);
    double[] relevance = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      relevance[i] = VectorMath.dot(q, vectors[i]);
    }
    double[] redundancy = new double[pool.size()];
    java.util.Arrays.fill(redundancy, Double.NEGATIVE_INFINITY);
    boolean[] picked = new boolean[pool.size()];
    int n = Math.min(k, pool.size());
    List<ScoredChunk> out = new ArrayList<>(n);
    for (int step = 0; step < n; step++) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool.size(); i++) {
        if (picked[i]) {
          continue;
        }
        double penalty = step == 0 ? 0 : redundancy[i];
        double score = lambda * relevance[i] - (1 - lambda) * penalty;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      picked[best] = true;
      out.add(new ScoredChunk(pool.get(best).chunk(), (double) (n - step) / n));
      for (int i = 0; i < pool.size(); i++) {
        if (!picked[i]) {
          redundancy[i] = Math.max(redundancy[i], VectorMath.dot(vectors[i], vectors[best]));
        }
      }
    }
    return out;
  }
}
