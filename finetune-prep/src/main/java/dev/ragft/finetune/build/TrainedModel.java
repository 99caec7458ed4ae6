package dev.ragft.finetune.build;

import java.util.Objects;

/**
 * A fine-tuned model as a job registry records it.
 *
 * @param provider the provider that trained it
 * @param modelId the resulting model id or adapter path
 * @param jobId the registry's job id
 * @param manifestSha256 the SHA-256 of the dataset manifest it was trained on
 */
public record TrainedModel(String provider, String modelId, String jobId, String manifestSha256) {

  /** Validates the components. */
  public TrainedModel {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
  }
}
