package dev.ragft.eval.report;

import dev.ragft.eval.diagnosis.Diagnosis;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.stats.RunStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report shows: the run, its statistics, its diagnosis, token usage and cost per
 * setup, and latency when asked for.
 *
 * @param format the report format's name and version, {@value #FORMAT}
 * @param run the run
 * @param statistics its statistics
 * @param diagnosis its diagnosis
 * @param usage token usage and cost per setup, in display order
 * @param latency latency per setup, only when the options ask for it
 */
public record Report(String format, RunResult run, RunStatistics statistics, Diagnosis diagnosis,
    List<SetupUsage> usage, Optional<List<SetupLatency>> latency) {

  /** The name and version of the report format. */
  public static final String FORMAT = "ragft-report/1";

  /** Validates and copies the components. */
  public Report {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(diagnosis, "diagnosis");
    usage = List.copyOf(usage);
    latency = latency.map(List::copyOf);
  }

  /** Computes the report of {@code run}. */
  public static Report of(RunResult run, ReportOptions options) {
    List<SetupUsage> usage = new ArrayList<>();
    List<SetupLatency> latency = new ArrayList<>();
    for (SetupInfo setup : run.setups()) {
      List<Sample> samples = run.resultsOf(setup.id()).stream()
          .map(CaseResult::samples).flatMap(List::stream).toList();
      usage.add(usage(setup.id(), samples));
      latency.add(latency(setup.id(), samples));
    }
    return new Report(FORMAT, run, RunStatistics.of(run, options.stats()),
        Diagnosis.of(run, options.diagnosis()), usage,
        options.latency() ? Optional.of(latency) : Optional.empty());
  }

  private static SetupUsage usage(String id, List<Sample> samples) {
    long prompt = 0;
    long completion = 0;
    double cost = 0;
    int cached = 0;
    for (Sample s : samples) {
      prompt += s.usage().promptTokens();
      completion += s.usage().completionTokens();
      cost += s.usage().costUsd();
      cached += s.usage().cached() ? 1 : 0;
    }
    int calls = samples.size();
    return new SetupUsage(id, calls, cached, prompt, completion, cost,
        calls == 0 ? 0 : (double) prompt / calls, calls == 0 ? 0 : (double) completion / calls,
        calls == 0 ? 0 : cost / calls * 1000);
  }

  private static SetupLatency latency(String id, List<Sample> samples) {
    long[] millis = samples.stream().filter(s -> !s.usage().cached())
        .mapToLong(s -> s.usage().latencyMillis()).sorted().toArray();
    if (millis.length == 0) {
      return new SetupLatency(id, 0, 0, 0, 0);
    }
    int p95 = (int) Math.ceil(0.95 * millis.length) - 1;
    return new SetupLatency(id, millis.length, millis[(millis.length - 1) / 2], millis[p95],
        millis[millis.length - 1]);
  }
}
