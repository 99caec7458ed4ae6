package dev.ragft.eval.stats;

import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.SetupInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every statistic of a run: one {@link SetupStats} per setup in display order, one
 * {@link PairTest} per pair of setups (first before second in display order), the bound on the
 * smallest detectable difference for the run's case count, and the fewest discordant cases any
 * significant difference needs.
 *
 * @param config the settings used
 * @param seed the bootstrap seed (the run's)
 * @param setups per-setup statistics
 * @param pairs paired tests
 * @param detectableBound the smallest difference any paired test on all cases could detect
 * @param minimumDiscordant the fewest discordant cases for a two-sided exact p below alpha
 */
public record RunStatistics(StatsConfig config, long seed, List<SetupStats> setups,
    List<PairTest> pairs, Optional<Double> detectableBound, int minimumDiscordant) {

  /** Validates and copies the components. */
  public RunStatistics {
    Objects.requireNonNull(config, "config");
    setups = List.copyOf(setups);
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(detectableBound, "detectableBound");
  }

  /** Computes the statistics of {@code run}, seeding the bootstrap with the run's seed. */
  public static RunStatistics of(RunResult run, StatsConfig config) {
    Bootstrap bootstrap = new Bootstrap(run.info().seed(), config);
    boolean repeated = run.results().stream().anyMatch(r -> r.samples().size() > 1);
    List<SetupStats> setups = new ArrayList<>();
    for (SetupInfo setup : run.setups()) {
      setups.add(setupStats(setup.id(), run.resultsOf(setup.id()), bootstrap, repeated));
    }
    List<String> ids = run.setups().stream().map(SetupInfo::id).toList();
    Map<String, Map<String, CaseResult>> bySetup = new HashMap<>();
    for (CaseResult r : run.results()) {
      bySetup.computeIfAbsent(r.setupId(), id -> new HashMap<>()).put(r.caseId(), r);
    }
    List<PairTest> raw = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        raw.add(pair(run, ids.get(i), ids.get(j), bySetup, bootstrap, config));
      }
    }
    double[] adjusted = Holm.adjust(raw.stream().mapToDouble(PairTest::pValue).toArray());
    List<PairTest> pairs = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      PairTest p = raw.get(i);
      pairs.add(new PairTest(p.first(), p.second(), p.cases(), p.bothPass(), p.firstOnly(),
          p.secondOnly(), p.bothFail(), p.difference(), p.pValue(), adjusted[i],
          adjusted[i] <= config.alpha(), p.detectableEffect()));
    }
    return new RunStatistics(config, run.info().seed(), setups, pairs,
        boxed(DetectableEffect.bound(run.cases().size(), config.alpha(), config.power())),
        McNemar.minimumDiscordant(config.alpha()));
  }

  /** The statistics of one setup. */
  public Optional<SetupStats> setup(String setupId) {
    return setups.stream().filter(s -> s.setupId().equals(setupId)).findFirst();
  }

  private static SetupStats setupStats(String id, List<CaseResult> results, Bootstrap bootstrap,
      boolean repeated) {
    int n = results.size();
    boolean[] passes = new boolean[n];
    boolean[] allPass = new boolean[n];
    Map<FailureLabel, Integer> labels = new EnumMap<>(FailureLabel.class);
    for (FailureLabel label : FailureLabel.values()) {
      labels.put(label, 0);
    }
    int passed = 0;
    int consistent = 0;
    for (int i = 0; i < n; i++) {
      CaseResult result = results.get(i);
      passes[i] = result.passed();
      allPass[i] = result.passedAll();
      passed += passes[i] ? 1 : 0;
      consistent += allPass[i] ? 1 : 0;
      result.label().ifPresent(label -> labels.merge(label, 1, Integer::sum));
    }
    Optional<Interval> interval = n == 0 ? Optional.empty() : Optional.of(bootstrap.proportion(passes));
    Optional<Estimate> consistency = repeated && n > 0
        ? Optional.of(new Estimate((double) consistent / n, bootstrap.proportion(allPass)))
        : Optional.empty();
    return new SetupStats(id, n, passed, n == 0 ? 0 : (double) passed / n, interval, consistent,
        consistency, labels);
  }

  private static PairTest pair(RunResult run, String first, String second,
      Map<String, Map<String, CaseResult>> bySetup, Bootstrap bootstrap, StatsConfig config) {
    Map<String, CaseResult> firstResults = bySetup.getOrDefault(first, Map.of());
    Map<String, CaseResult> secondResults = bySetup.getOrDefault(second, Map.of());
    List<Boolean> a = new ArrayList<>();
    List<Boolean> b = new ArrayList<>();
    for (CaseInfo info : run.cases()) {
      CaseResult x = firstResults.get(info.id());
      CaseResult y = secondResults.get(info.id());
      if (x != null && y != null) {
        a.add(x.passed());
        b.add(y.passed());
      }
    }
    int n = a.size();
    int both = 0;
    int firstOnly = 0;
    int secondOnly = 0;
    boolean[] before = new boolean[n];
    boolean[] after = new boolean[n];
    for (int i = 0; i < n; i++) {
      before[i] = a.get(i);
      after[i] = b.get(i);
      if (before[i] && after[i]) {
        both++;
      } else if (before[i]) {
        firstOnly++;
      } else if (after[i]) {
        secondOnly++;
      }
    }
    Optional<Estimate> difference = n == 0 ? Optional.empty() : Optional.of(new Estimate(
        (double) (secondOnly - firstOnly) / n, bootstrap.meanDifference(before, after)));
    double psi = n == 0 ? 0 : (double) (firstOnly + secondOnly) / n;
    double p = McNemar.exactPValue(firstOnly, secondOnly);
    return new PairTest(first, second, n, both, firstOnly, secondOnly,
        n - both - firstOnly - secondOnly, difference, p, p, false,
        boxed(DetectableEffect.paired(n, psi, config.alpha(), config.power())));
  }

  private static Optional<Double> boxed(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }
}
