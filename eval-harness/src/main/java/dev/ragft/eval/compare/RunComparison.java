package dev.ragft.eval.compare;

import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.stats.Bootstrap;
import dev.ragft.eval.stats.Estimate;
import dev.ragft.eval.stats.StatsConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The comparison of run A (before) with run B (after).
 *
 * @param before run A's id
 * @param after run B's id
 * @param seed the bootstrap seed: {@code 31 * seed(A) + seed(B)}
 * @param setups one comparison per setup both runs have, in run B's display order
 * @param setupsOnlyBefore setups only run A has
 * @param setupsOnlyAfter setups only run B has
 */
public record RunComparison(String before, String after, long seed, List<SetupComparison> setups,
    List<String> setupsOnlyBefore, List<String> setupsOnlyAfter) {

  /** Validates and copies the components. */
  public RunComparison {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    setups = List.copyOf(setups);
    setupsOnlyBefore = List.copyOf(setupsOnlyBefore);
    setupsOnlyAfter = List.copyOf(setupsOnlyAfter);
  }

  /** Compares run B with run A. */
  public static RunComparison of(RunResult a, RunResult b, StatsConfig config) {
    long seed = 31 * a.info().seed() + b.info().seed();
    Bootstrap bootstrap = new Bootstrap(seed, config);
    List<String> idsA = a.setups().stream().map(SetupInfo::id).toList();
    List<String> idsB = b.setups().stream().map(SetupInfo::id).toList();
    List<SetupComparison> setups = new ArrayList<>();
    for (String id : idsB) {
      if (idsA.contains(id)) {
        setups.add(compare(id, byCase(a.resultsOf(id)), byCase(b.resultsOf(id)), bootstrap));
      }
    }
    return new RunComparison(a.info().runId(), b.info().runId(), seed, setups,
        idsA.stream().filter(id -> !idsB.contains(id)).toList(),
        idsB.stream().filter(id -> !idsA.contains(id)).toList());
  }

  /** The comparison of one setup, if both runs have it. */
  public Optional<SetupComparison> setup(String setupId) {
    return setups.stream().filter(s -> s.setupId().equals(setupId)).findFirst();
  }

  /** Pass-to-fail flips over every setup. */
  public int passToFail() {
    return setups.stream().mapToInt(s -> s.passToFail().size()).sum();
  }

  /** Fail-to-pass flips over every setup. */
  public int failToPass() {
    return setups.stream().mapToInt(s -> s.failToPass().size()).sum();
  }

  private static Map<String, CaseResult> byCase(List<CaseResult> results) {
    Map<String, CaseResult> map = new TreeMap<>();
    results.forEach(r -> map.put(r.caseId(), r));
    return map;
  }

  private static SetupComparison compare(String id, Map<String, CaseResult> a,
      Map<String, CaseResult> b, Bootstrap bootstrap) {
    List<String> paired = a.keySet().stream().filter(b::containsKey).toList();
    int n = paired.size();
    boolean[] before = new boolean[n];
    boolean[] after = new boolean[n];
    List<String> passToFail = new ArrayList<>();
    List<String> failToPass = new ArrayList<>();
    Map<FailureLabel, Integer> labels = new EnumMap<>(FailureLabel.class);
    for (FailureLabel label : FailureLabel.values()) {
      labels.put(label, 0);
    }
    int passedBefore = 0;
    int passedAfter = 0;
    for (int i = 0; i < n; i++) {
      CaseResult x = a.get(paired.get(i));
      CaseResult y = b.get(paired.get(i));
      before[i] = x.passed();
      after[i] = y.passed();
      passedBefore += before[i] ? 1 : 0;
      passedAfter += after[i] ? 1 : 0;
      if (before[i] && !after[i]) {
        passToFail.add(paired.get(i));
      } else if (!before[i] && after[i]) {
        failToPass.add(paired.get(i));
      }
      x.label().ifPresent(l -> labels.merge(l, -1, Integer::sum));
      y.label().ifPresent(l -> labels.merge(l, 1, Integer::sum));
    }
    Optional<Estimate> delta = n == 0 ? Optional.empty() : Optional.of(new Estimate(
        (double) (passedAfter - passedBefore) / n, bootstrap.meanDifference(before, after)));
    return new SetupComparison(id, paired, n == 0 ? 0 : (double) passedBefore / n,
        n == 0 ? 0 : (double) passedAfter / n, delta, passToFail, failToPass,
        a.keySet().stream().filter(k -> !b.containsKey(k)).toList(),
        b.keySet().stream().filter(k -> !a.containsKey(k)).toList(), labels);
  }
}
