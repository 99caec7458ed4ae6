package dev.ragft.finetune.job;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a user asks for when submitting a fine-tuning job: where, on what base model, with which
 * data and settings, and which dataset manifest the data came from.
 *
 * @param baseModel the provider's name of the model to fine-tune
 * @param method the training method
 * @param trainingFile the training data, already in the provider's format
 * @param validationFile the validation data, or null
 * @param hyperparameters the training settings
 * @param suffix a name part for the resulting model, or null
 * @param datasetManifestSha256 the SHA-256 of the manifest that describes the training data (64
 *     lower-case hex digits); this is what {@link JobRegistry#modelsTrainedOn} looks up
 */
public record JobSpec(
    String baseModel,
    TrainingMethod method,
    Path trainingFile,
    Path validationFile,
    Hyperparameters hyperparameters,
    String suffix,
    String datasetManifestSha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Validates the components. */
  public JobSpec {
    if (baseModel == null || baseModel.isBlank()) {
      throw new IllegalArgumentException("the base model must be given");
    }
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(trainingFile, "trainingFile");
    Objects.requireNonNull(hyperparameters, "hyperparameters");
    if (suffix != null && suffix.isBlank()) {
      suffix = null;
    }
    Objects.requireNonNull(datasetManifestSha256, "datasetManifestSha256");
    if (!SHA256.matcher(datasetManifestSha256).matches()) {
      throw new IllegalArgumentException(
          "the dataset manifest hash must be 64 lower-case hex digits, but is: "
              + datasetManifestSha256);
    }
    if (hyperparameters.dpoBeta() != null && method != TrainingMethod.DPO) {
      throw new IllegalArgumentException(Hyperparameter.DPO_BETA.describe()
          + " applies only to dpo training, but the method is " + method.label());
    }
  }
}
