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

  /** A listener that ignores everything. */
  static TrainingListener none() {
    return report -> { };
  }

  /** A listener that advances a progress line by one step and the step's tokens. */
  static TrainingListener progress(Progress progress) {
    return report -> progress.advance(1, report.tokens());
  }
}
