package dev.ragft.finetune.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One change in a job's life: a submission step or a new state.
 *
 * @param at when ragft recorded it
 * @param change what happened, in a few words (e.g. {@code uploaded training file file-abc})
 * @param state the job's state from then on, or null for a submission step
 */
public record HistoryEntry(Instant at, String change, JobState state) {

  /** Validates the components. */
  public HistoryEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(change, "change");
  }
}
