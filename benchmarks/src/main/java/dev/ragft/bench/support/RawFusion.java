package dev.ragft.bench.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The fusion a plain Lucene application would write: two hit lists fused by Lucene document id
 * (reciprocal rank, or a sum of min-max normalized scores), the top {@code k} kept. Used only by
 * the hybrid baseline, so that ragft's fusion over chunks is compared with the least a hand-written
 * fusion costs.
 */
public final class RawFusion {

  private RawFusion() {
  }

  /** Reciprocal rank fusion with constant {@code c}, equal weights; the top {@code k}. */
  public static ScoreDoc[] rrf(TopDocs a, TopDocs b, int c, int k) {
    Map<Integer, Double> fused = new HashMap<>();
    for (TopDocs list : List.of(a, b)) {
      for (int rank = 0; rank < list.scoreDocs.length; rank++) {
        fused.merge(list.scoreDocs[rank].doc, 1.0 / (c + rank + 1), Double::sum);
      }
    }
    return top(fused, k);
  }

  /**
   * The sum of min-max normalized scores, equal weights, a document missing from a list getting
   * that list's lowest normalized score (0); the top {@code k}.
   */
  public static ScoreDoc[] minMax(TopDocs a, TopDocs b, int k) {
    Map<Integer, Double> fused = new HashMap<>();
    for (TopDocs list : List.of(a, b)) {
      if (list.scoreDocs.length == 0) {
        continue;
      }
      float max = list.scoreDocs[0].score;
      float min = list.scoreDocs[list.scoreDocs.length - 1].score;
      for (ScoreDoc hit : list.scoreDocs) {
        double normalized = max == min ? 1.0 : (hit.score - min) / (double) (max - min);
        fused.merge(hit.doc, normalized, Double::sum);
      }
    }
    return top(fused, k);
  }

  private static ScoreDoc[] top(Map<Integer, Double> fused, int k) {
    List<ScoreDoc> hits = new ArrayList<>(fused.size());
    fused.forEach((doc, score) -> hits.add(new ScoreDoc(doc, score.floatValue())));
    hits.sort(Comparator.comparingDouble((ScoreDoc hit) -> -hit.score)
        .thenComparingInt(hit -> hit.doc));
    return hits.subList(0, Math.min(k, hits.size())).toArray(ScoreDoc[]::new);
  }
}
