package dev.ragft.finetune.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job a provider has accepted: its id at the provider and the registry folder ragft keeps for it
 * (where local trainers keep logs, process ids and outputs; remote providers ignore it).
 *
 * @param id the provider's job id
 * @param workDir the job's folder in the registry
 */
public record JobHandle(String id, Path workDir) {

  /** Validates the components. */
  public JobHandle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workDir, "workDir");
  }
}
