package dev.ragft.eval.report;

import dev.ragft.eval.diagnosis.DiagnosisConfig;
import dev.ragft.eval.stats.StatsConfig;
import java.util.Objects;

/**
 * How a report is computed and what it shows.
 *
 * @param stats the statistics settings
 * @param diagnosis the diagnosis roles and thresholds
 * @param latency whether to add the latency section, which differs between runs and so makes the
 *     files differ too
 */
public record ReportOptions(StatsConfig stats, DiagnosisConfig diagnosis, boolean latency) {

  /** Default statistics and diagnosis, no latency: byte-stable reports. */
  public static final ReportOptions DEFAULT =
      new ReportOptions(StatsConfig.DEFAULT, DiagnosisConfig.DEFAULT, false);

  /** Validates the components. */
  public ReportOptions {
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }

  /** These options with the latency section on or off. */
  public ReportOptions withLatency(boolean on) {
    return new ReportOptions(stats, diagnosis, on);
  }
}
