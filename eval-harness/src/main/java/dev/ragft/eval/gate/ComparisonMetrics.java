package dev.ragft.eval.gate;

import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.compare.SetupComparison;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The metrics of a comparison: every metric of run B (the candidate), plus, per setup both runs
 * have, {@code <setup>.pass_rate_delta} (B minus A on the paired cases),
 * {@code <setup>.pass_rate_delta_low} and {@code _high} (its paired bootstrap interval),
 * {@code <setup>.pass_rate_before}, {@code <setup>.flips.pass_to_fail} and
 * {@code <setup>.flips.fail_to_pass}; and over all setups {@code flips.pass_to_fail} and
 * {@code flips.fail_to_pass}.
 */
public final class ComparisonMetrics implements Metrics {

  private final RunMetrics after;
  private final Map<String, Double> values = new TreeMap<>();

  /** The metrics of {@code comparison}, with run B's own metrics {@code after}. */
  public ComparisonMetrics(RunComparison comparison, RunMetrics after) {
    this.after = after;
    values.put("flips.pass_to_fail", (double) comparison.passToFail());
    values.put("flips.fail_to_pass", (double) comparison.failToPass());
    for (SetupComparison s : comparison.setups()) {
      String p = s.setupId() + ".";
      s.delta().ifPresent(d -> {
        values.put(p + "pass_rate_delta", d.value());
        values.put(p + "pass_rate_delta_low", d.interval().low());
        values.put(p + "pass_rate_delta_high", d.interval().high());
      });
      values.put(p + "pass_rate_before", s.passRateBefore());
      values.put(p + "flips.pass_to_fail", (double) s.passToFail().size());
      values.put(p + "flips.fail_to_pass", (double) s.failToPass().size());
    }
  }

  @Override
  public OptionalDouble value(String name) {
    Double v = values.get(name);
    return v != null ? OptionalDouble.of(v) : after.value(name);
  }

  @Override
  public String known() {
    return "flips.pass_to_fail, flips.fail_to_pass; per setup of both runs: pass_rate_delta, "
        + "pass_rate_delta_low, pass_rate_delta_high, pass_rate_before, flips.pass_to_fail, "
        + "flips.fail_to_pass; and run B's metrics: " + after.known();
  }
}
