package dev.ragft.rag.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Two runs scored on the same judged queries, metric by metric: the means, their difference, how
 * many queries got better, worse or stayed the same, and the paired randomization test's p-value
 * for the difference ({@link PairedRandomization}).
 *
 * @param queries the judged queries compared
 * @param draws the sign assignments drawn at most per metric
 * @param seed the generator's seed
 * @param metrics {@code ndcg@k}, {@code recall@k} and {@code mrr@k}, in that order
 */
public record RunComparison(int queries, int draws, long seed, Map<String, Delta> metrics) {

  /** Validates the components. */
  public RunComparison {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * One metric's comparison.
   *
   * @param baseline the baseline's mean
   * @param candidate the candidate's mean
   * @param delta candidate minus baseline
   * @param better queries where the candidate scores higher
   * @param worse queries where it scores lower
   * @param same queries where both score the same
   * @param p the two-sided p-value of the difference
   */
  public record Delta(double baseline, double candidate, double delta, int better, int worse,
      int same, double p) {
  }

  /**
   * The comparison as {@code ragft retrieval-compare --json} prints it: queries, draws, seed, and
   * per metric the means, difference, counts and p-value, values to four decimals.
   */
  public Map<String, Object> headline() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queries", queries);
    out.put("draws", draws);
    out.put("seed", seed);
    Map<String, Object> byMetric = new LinkedHashMap<>();
    metrics.forEach((name, delta) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("baseline", EvalSummary.reported(delta.baseline()));
      entry.put("candidate", EvalSummary.reported(delta.candidate()));
      entry.put("delta", EvalSummary.reported(delta.delta()));
      entry.put("better", delta.better());
      entry.put("worse", delta.worse());
      entry.put("same", delta.same());
      entry.put("p", EvalSummary.reported(delta.p()));
      byMetric.put(name, entry);
    });
    out.put("metrics", byMetric);
    return out;
  }

  /**
   * Compares two evaluations of the same qrels.
   *
   * @param baseline the baseline run's evaluation
   * @param candidate the candidate run's evaluation
   * @param draws the sign assignments drawn at most per metric
   * @param seed the generator's seed
   * @throws IllegalArgumentException when the evaluations are not over the same queries
   */
  public static RunComparison of(EvalSummary baseline, EvalSummary candidate, int draws,
      long seed) {
    List<String> ids = baseline.perQuery().stream().map(QueryMetrics::queryId).toList();
    if (!ids.equals(candidate.perQuery().stream().map(QueryMetrics::queryId).toList())) {
      throw new IllegalArgumentException("the two evaluations are not over the same queries");
    }
    Map<String, Delta> metrics = new LinkedHashMap<>();
    metrics.put("ndcg@" + baseline.ndcgCutoff(),
        delta(baseline, candidate, QueryMetrics::ndcg, draws, seed));
    metrics.put("recall@" + baseline.recallCutoff(),
        delta(baseline, candidate, QueryMetrics::recall, draws, seed));
    metrics.put("mrr@" + baseline.mrrCutoff(),
        delta(baseline, candidate, QueryMetrics::reciprocalRank, draws, seed));
    return new RunComparison(ids.size(), draws, seed, metrics);
  }

  private static Delta delta(EvalSummary baseline, EvalSummary candidate,
      ToDoubleFunction<QueryMetrics> metric, int draws, long seed) {
    int n = baseline.perQuery().size();
    List<Double> differences = new ArrayList<>(n);
    double base = 0;
    double cand = 0;
    int better = 0;
    int worse = 0;
    for (int i = 0; i < n; i++) {
      double b = metric.applyAsDouble(baseline.perQuery().get(i));
      double c = metric.applyAsDouble(candidate.perQuery().get(i));
      base += b;
      cand += c;
      differences.add(c - b);
      if (c > b) {
        better++;
      } else if (c < b) {
        worse++;
      }
    }
    int count = Math.max(1, n);
    return new Delta(base / count, cand / count, (cand - base) / count, better, worse,
        n - better - worse, PairedRandomization.pValue(differences, draws, seed));
  }
}
