package dev.ragft.finetune.job;

import java.util.Objects;

/**
 * A fine-tuned model the registry knows of, with the job that made it.
 *
 * @param clientKey the job's key in the registry
 * @param provider the provider's configured name
 * @param baseModel the model it was fine-tuned from
 * @param modelId the provider's name for the fine-tuned model, or null
 * @param adapterPath the adapter a local trainer wrote, or null
 */
public record TrainedModel(
    String clientKey, String provider, String baseModel, String modelId, String adapterPath) {

  /** Validates the components. */
  public TrainedModel {
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(baseModel, "baseModel");
    if (modelId == null && adapterPath == null) {
      throw new IllegalArgumentException("a trained model has a model id or an adapter path");
    }
  }
}
