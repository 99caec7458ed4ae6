package dev.ragft.finetune.job;

import java.util.Objects;

/**
 * A data file as a provider knows it after {@link FineTuningProvider#upload}: the provider's id for
 * it (a file id, a dataset name, or a local path for local trainers) and the name it was given.
 *
 * @param id the provider's identifier
 * @param name the file name used for the upload
 */
public record RemoteFile(String id, String name) {

  /** Validates the components. */
  public RemoteFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a remote file id must not be blank");
    }
  }
}
