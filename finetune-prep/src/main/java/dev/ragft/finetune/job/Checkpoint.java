package dev.ragft.finetune.job;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An intermediate model a provider saved during training.
 *
 * @param step the training step it was saved at
 * @param id the provider's name for it (a model id or a path), or null when it has none
 * @param createdAt when it was saved
 * @param metrics its metrics by name (train loss, validation loss, ...), sorted by name
 */
public record Checkpoint(long step, String id, Instant createdAt, Map<String, Double> metrics) {

  /** Validates the components and copies the metrics into name order. */
  public Checkpoint {
    Objects.requireNonNull(createdAt, "createdAt");
    metrics = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(metrics, "metrics")));
  }
}
