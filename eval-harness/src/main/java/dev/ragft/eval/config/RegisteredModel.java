package dev.ragft.eval.config;

import java.util.Objects;

/**
 * A fine-tuned model recorded in the fine-tuning job registry ({@code ragft ft}): the job must
 * have succeeded. A local trainer's adapter is applied to the model {@code from} names; a remote
 * provider's model id replaces the model name of {@code from} (which says how to reach the
 * provider, as an {@code openai-compatible} model).
 *
 * @param job the job's client key, or a unique prefix of it
 * @param registry the registry folder; null: {@code ~/.ragft/ft-jobs}
 * @param from the configured model whose settings the fine-tuned model takes
 */
public record RegisteredModel(String job, String registry, String from) {

  /** Validates. */
  public RegisteredModel {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(from, "from");
  }
}
