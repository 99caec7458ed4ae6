package dev.ragft.finetune.build;

import java.util.List;

/**
 * Finds the fine-tuned models trained on a dataset manifest. The job registry implements this and
 * registers it with {@link java.util.ServiceLoader}; {@code ragft ft forget} uses it to list every
 * model trained on data that held a forgotten source. Implementations are thread-safe.
 */
public interface TrainedModelLookup {

  /** The models whose training data was described by the manifest with this SHA-256, in a stable order. */
  List<TrainedModel> modelsTrainedOn(String manifestSha256);
}
