package dev.ragft.eval.gate;

import dev.ragft.eval.diagnosis.Group;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.report.SetupUsage;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.eval.stats.SetupStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The metrics of one run. Per setup {@code <setup>.}: {@code pass_rate}, {@code pass_rate_low},
 * {@code pass_rate_high}, {@code passed}, {@code failed}, {@code cases}, {@code consistency}
 * (with repeated samples), {@code label.<label>} (failures with that label: {@code knowledge},
 * {@code behaviour}, {@code knowledge_and_behaviour}, {@code retrieval_miss}, {@code grounding}),
 * {@code hit_rate}, {@code mrr}, {@code ndcg} (means, for setups that retrieve),
 * {@code cost_per_1k} and {@code tokens_per_query}. For the run: {@code cases} and
 * {@code diagnosis.<group>} (cases per diagnosis group, e.g. {@code diagnosis.knowledge}).
 */
public final class RunMetrics implements Metrics {

  private final Map<String, Double> values;
  private final List<String> setups;

  private RunMetrics(Map<String, Double> values, List<String> setups) {
    this.values = values;
    this.setups = setups;
  }

  /** The metrics of a report's run. */
  public static RunMetrics of(Report report) {
    Map<String, Double> values = new TreeMap<>();
    List<String> setups = new ArrayList<>();
    values.put("cases", (double) report.run().cases().size());
    report.diagnosis().groups().forEach((g, n) ->
        values.put("diagnosis." + g.name().toLowerCase(Locale.ROOT), (double) n));
    for (SetupStats s : report.statistics().setups()) {
      String p = s.setupId() + ".";
      setups.add(s.setupId());
      values.put(p + "pass_rate", s.passRate());
      s.interval().ifPresent(i -> {
        values.put(p + "pass_rate_low", i.low());
        values.put(p + "pass_rate_high", i.high());
      });
      values.put(p + "passed", (double) s.passed());
      values.put(p + "failed", (double) s.failed());
      values.put(p + "cases", (double) s.cases());
      s.consistency().ifPresent(c -> values.put(p + "consistency", c.value()));
      for (FailureLabel label : FailureLabel.values()) {
        values.put(p + "label." + label.name().toLowerCase(Locale.ROOT),
            (double) s.labels().get(label));
      }
      List<RetrievalScores> scores = report.run().resultsOf(s.setupId()).stream()
          .map(CaseResult::retrieval).flatMap(Optional::stream).toList();
      if (!scores.isEmpty()) {
        values.put(p + "hit_rate", mean(scores, RetrievalScores::hit));
        values.put(p + "mrr", mean(scores, RetrievalScores::reciprocalRank));
        values.put(p + "ndcg", mean(scores, RetrievalScores::ndcg));
      }
    }
    for (SetupUsage u : report.usage()) {
      values.put(u.setupId() + ".cost_per_1k", u.costPer1kQueries());
      values.put(u.setupId() + ".tokens_per_query",
          u.promptTokensPerQuery() + u.completionTokensPerQuery());
    }
    return new RunMetrics(values, List.copyOf(setups));
  }

  @Override
  public OptionalDouble value(String name) {
    Double v = values.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  @Override
  public String known() {
    return "setups: " + String.join(", ", setups) + "; per setup: pass_rate, pass_rate_low, "
        + "pass_rate_high, passed, failed, cases, consistency (repeated samples), label.knowledge, "
        + "label.behaviour, label.knowledge_and_behaviour, label.retrieval_miss, label.grounding, "
        + "hit_rate, mrr, ndcg (retrieving setups), cost_per_1k, tokens_per_query; for the run: "
        + "cases, " + String.join(", ", java.util.Arrays.stream(Group.values())
            .map(g -> "diagnosis." + g.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static double mean(List<RetrievalScores> scores, ToDoubleFunction<RetrievalScores> f) {
    return scores.stream().mapToDouble(f).average().orElse(0);
  }
}
