package dev.ragft.eval.run;

import dev.ragft.common.Progress;

/** Makes the progress lines a run draws: building indexes, calibrating the judge, sampling. */
@FunctionalInterface
public interface ProgressFactory {

  /** A progress line for a task; see {@link Progress}'s constructor for the arguments. */
  Progress create(String task, long total, String unit, String rateUnit);

  /** Progress lines on standard error. */
  static ProgressFactory console() {
    return Progress::onStderr;
  }

  /** No progress lines. */
  static ProgressFactory silent() {
    return (task, total, unit, rateUnit) -> Progress.silent(task);
  }
}
