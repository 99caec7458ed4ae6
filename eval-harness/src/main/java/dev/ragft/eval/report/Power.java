package dev.ragft.eval.report;

import dev.ragft.eval.stats.RunStatistics;
import java.util.Locale;

/** The sentence every report gives on what the case count can detect. */
final class Power {

  private Power() {
  }

  /** What differences the run's case count can detect, and how many discordant cases it takes. */
  static String sentence(RunStatistics stats) {
    String bound = stats.detectableBound().map(d -> String.format(Locale.ROOT,
            "no paired comparison of two setups can detect a difference in pass rate below %s "
                + "(alpha %s, power %s, Connor's formula with every discordant case going one way)",
            Fmt.percent(d), Fmt.decimal(stats.config().alpha()), Fmt.decimal(stats.config().power())))
        .orElse("the run has too few cases to detect any difference with the configured power");
    return "With these cases, " + bound + "; and a difference needs at least "
        + stats.minimumDiscordant() + " discordant cases, all one way, to be significant by the "
        + "exact test.";
  }
}
