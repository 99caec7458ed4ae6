package dev.ragft.rag.rerank;

import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reranks candidates by a cross-encoder's score of (query, chunk text) pairs. */
public final class CrossEncoderReranker implements Reranker {

  private final PairScorer scorer;

  /** A reranker over a cross-encoder. */
  public CrossEncoderReranker(PairScorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  @Override
  public String name() {
    return "cross-encoder(" + scorer.name() + ")";
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int k) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> passages = new ArrayList<>(candidates.size());
    for (ScoredChunk candidate : candidates) {
      passages.add(ChunkText.forEmbedding(candidate.chunk()));
    }
    float[] scores = scorer.score(query, passages);
    if (scores.length != candidates.size()) {
      throw new IllegalStateException(scorer.name() + " returned " + scores.length
          + " scores for " + candidates.size() + " passages");
    }
    List<ScoredChunk> rescored = new ArrayList<>(candidates.size());
    for (int i = 0; i < scores.length; i++) {
      rescored.add(new ScoredChunk(candidates.get(i).chunk(), scores[i]));
    }
    return Reranking.top(rescored, k);
  }
}
