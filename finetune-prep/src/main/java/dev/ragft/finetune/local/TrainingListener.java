package dev.ragft.finetune.local;

import dev.ragft.common.Progress;
import java.nio.file.Path;

/** Hears about a training run's progress; called on the training thread, so keep it quick. */
public interface TrainingListener {

  /** Called after every optimizer step. */
  void onStep(StepReport report);

  /** Called after a checkpoint has been written completely. */
  default void onCheckpoint(int step, Path directory) {
  }

  /**
   * Whether the run should end after the step just reported, as if it were the last: the trainer
   * then saves a checkpoint at that step, writes the adapters and returns, and the result's loss
   * history is shorter than the configured steps. Asked after {@link #onStep} for every step but
   * the last; the default never stops. To abandon a run without adapters, throw from
   * {@link #onStep} instead.
   */
  default boolean stopAfter(StepReport report) {
    return false;
  }

  /** A listener that ignores everything. */
  static TrainingListener none() {
    return report -> { };
  }

  /** A listener that advances a progress line by one step and the step's tokens. */
  static TrainingListener progress(Progress progress) {
    return report -> progress.advance(1, report.tokens());
  }
}
