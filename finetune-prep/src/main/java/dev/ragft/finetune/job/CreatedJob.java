package dev.ragft.finetune.job;

import java.util.Objects;

/**
 * A job as a provider reports it right after creating or finding it.
 *
 * @param id the provider's job id
 * @param state the job's state at that moment
 */
public record CreatedJob(String id, JobState state) {

  /** Validates the components. */
  public CreatedJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a job id must not be blank");
    }
  }
}
