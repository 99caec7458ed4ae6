package dev.ragft.eval.result;

import java.util.Objects;

/**
 * A setup as a run records it.
 *
 * @param id the setup id, e.g. {@code baseline}, {@code rag}, {@code finetuned}, {@code hybrid},
 *     {@code oracle}
 * @param model the model (name or path) and provider
 * @param adapter the fine-tuned adapter or model id, or empty
 * @param context {@code none}, {@code oracle}, or a description of the retrieval configuration
 * @param template the prompt template's name
 * @param constrained whether output was grammar-constrained
 */
public record SetupInfo(String id, String model, String adapter, String context, String template,
    boolean constrained) {

  /** Validates the components. */
  public SetupInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(template, "template");
  }
}
