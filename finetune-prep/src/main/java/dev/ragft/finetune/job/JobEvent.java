package dev.ragft.finetune.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a provider logged for a job.
 *
 * @param time when it was logged
 * @param level the provider's level ({@code info}, {@code warn}, {@code error}, ...) or
 *     {@code info} when it gives none
 * @param message the text
 */
public record JobEvent(Instant time, String level, String message) {

  /** Validates the components. */
  public JobEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }
}
