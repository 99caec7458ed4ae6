package dev.ragft.finetune.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a provider needs to create a job once its files are uploaded.
 *
 * @param clientKey ragft's key for the submission; providers attach it to the job where they can,
 *     so that {@link FineTuningProvider#findJob} can recognise the job after a crash
 * @param baseModel the model to fine-tune
 * @param method the training method
 * @param hyperparameters the training settings, already checked against the capabilities
 * @param suffix a name part for the resulting model, or null
 * @param trainingFile the uploaded training data
 * @param validationFile the uploaded validation data, or null
 * @param workDir the job's folder in the registry
 */
public record JobRequest(
    String clientKey,
    String baseModel,
    TrainingMethod method,
    Hyperparameters hyperparameters,
    String suffix,
    RemoteFile trainingFile,
    RemoteFile validationFile,
    Path workDir) {

  /** Validates the components. */
  public JobRequest {
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(hyperparameters, "hyperparameters");
    Objects.requireNonNull(trainingFile, "trainingFile");
    Objects.requireNonNull(workDir, "workDir");
  }
}
