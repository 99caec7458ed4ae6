package dev.ragft.finetune.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a finished training run produced.
 *
 * @param ggufAdapter the adapter as a GGUF LoRA file for llama.cpp
 * @param peftDirectory the folder with {@code adapter_model.safetensors} and {@code adapter_config.json}
 * @param lossHistory the mean loss of every optimizer step, step 1 first (including steps done
 *     before a resume); copied. Its size is the number of steps done: fewer than configured when
 *     a {@link TrainingListener#stopAfter listener} ended the run early
 * @param resumedFromStep the checkpoint step this process resumed from, 0 for a fresh run
 * @param examples the examples trained on
 * @param tokensPerSecond the tokens per second of the steps this process ran
 */
public record TrainingResult(Path ggufAdapter, Path peftDirectory, List<Double> lossHistory,
    int resumedFromStep, int examples, double tokensPerSecond) {

  /** Validates the paths and copies the history. */
  public TrainingResult {
    Objects.requireNonNull(ggufAdapter, "ggufAdapter");
    Objects.requireNonNull(peftDirectory, "peftDirectory");
    lossHistory = List.copyOf(lossHistory);
  }

  /** The optimizer steps done, in this process and before a resume. */
  public int stepsDone() {
    return lossHistory.size();
  }
}
