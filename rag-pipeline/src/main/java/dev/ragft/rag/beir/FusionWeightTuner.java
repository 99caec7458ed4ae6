package dev.ragft.rag.beir;

import dev.ragft.common.Progress;
import dev.ragft.datasets.beir.BeirQuery;
import dev.ragft.rag.metrics.RankedDoc;
import dev.ragft.rag.metrics.TrecEval;
import org.apache.lucene.search.IndexSearcher;
import dev.ragft.rag.index.CorpusIndex;
import dev.ragft.rag.retrieve.HybridRetriever;
import dev.ragft.rag.retrieve.QueryLists;
import dev.ragft.rag.retrieve.RetrievalQuery;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a hybrid retriever's fusion weights on judged queries. Each fused retriever's list is
 * retrieved once per query on one searcher, as deep as the hybrid retriever itself asks for it;
 * every weighting of the grid then fuses those lists as the hybrid retriever does (with its
 * vector feedback, if any: each distinct set of feedback chunks is searched once) and is scored
 * by nDCG@10.
 * The highest score wins and a tie keeps the weighting that comes first in the grid, so the choice
 * is deterministic. The score of the chosen weights is the score the hybrid retriever with those
 * weights gets on the same queries.
 */
final class FusionWeightTuner {

  private final HybridRetriever hybrid;
  private final int chunkDepth;
  private final int depth;

  /**
   * A tuner.
   *
   * @param hybrid the retriever whose weights are tuned (its own weights are ignored)
   * @param chunkDepth how many fused chunks are kept per query before the per-document cut
   * @param depth how many documents are kept per query
   */
  FusionWeightTuner(HybridRetriever hybrid, int chunkDepth, int depth) {
    this.hybrid = hybrid;
    this.chunkDepth = chunkDepth;
    this.depth = depth;
  }

  TunedWeights tune(WeightTuning tuning, List<BeirQuery> queries,
      Map<String, Map<String, Integer>> qrels, BeirEvaluation.ProgressFactory progress) {
    CorpusIndex index = hybrid.index();
    IndexSearcher searcher = index.acquire();
    try {
      Map<String, QueryLists> lists = new TreeMap<>();
      try (Progress bar = progress.create("tuning lists", queries.size(), "queries", "queries")) {
        for (BeirQuery query : queries) {
          lists.put(query.id(), hybrid.lists(searcher, RetrievalQuery.of(query.text()),
              chunkDepth));
          bar.advance(1);
        }
      }
      List<List<Double>> grid = tuning.grid(hybrid.retrievers().size());
      List<Double> best = null;
      double bestNdcg = Double.NEGATIVE_INFINITY;
      try (Progress bar = progress.create("tuning weights", grid.size(), "weightings",
          "weightings")) {
        for (List<Double> weights : grid) {
          Map<String, List<RankedDoc>> run = new TreeMap<>();
          lists.forEach((queryId, queryLists) -> run.put(queryId, BeirEvaluation
              .bestChunkPerDocument(hybrid.hits(searcher, queryLists, weights, chunkDepth),
                  depth)));
          double ndcg = TrecEval.BEIR.evaluate(run, qrels).ndcg();
          if (ndcg > bestNdcg) {
            bestNdcg = ndcg;
            best = weights;
          }
          bar.advance(1);
        }
      }
      return new TunedWeights(tuning.split(), queries.size(), tuning.step(), grid.size(), best,
          bestNdcg);
    } finally {
      index.release(searcher);
    }
  }
}
