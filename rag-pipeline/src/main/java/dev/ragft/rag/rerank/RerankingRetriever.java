package dev.ragft.rag.rerank;

import dev.ragft.rag.retrieve.RetrievalQuery;
import dev.ragft.rag.retrieve.Retriever;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.List;
import java.util.Objects;

/**
 * A retriever whose top {@code candidates} results are reranked before the top {@code k} are
 * returned.
 */
public final class RerankingRetriever implements Retriever {

  private final Retriever first;
  private final Reranker reranker;
  private final int candidates;

  /**
   * Puts a reranker behind a retriever.
   *
   * @param first the first-stage retriever
   * @param reranker reorders its results
   * @param candidates how many first-stage results are reranked, at least 1
   */
  public RerankingRetriever(Retriever first, Reranker reranker, int candidates) {
    this.first = Objects.requireNonNull(first, "first");
    this.reranker = Objects.requireNonNull(reranker, "reranker");
    if (candidates < 1) {
      throw new IllegalArgumentException("rerank candidates must be >= 1, but is: " + candidates);
    }
    this.candidates = candidates;
  }

  @Override
  public String name() {
    return first.name() + " > " + reranker.name();
  }

  @Override
  public List<ScoredChunk> retrieve(RetrievalQuery query, int k) {
    Retriever.checkK(k);
    List<ScoredChunk> pool = first.retrieve(query, Math.max(k, candidates));
    return reranker.rerank(query.text(), pool, k);
  }
}
