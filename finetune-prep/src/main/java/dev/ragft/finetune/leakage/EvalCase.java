package dev.ragft.finetune.leakage;

import java.util.Objects;

/**
 * What the leakage guard needs of an evaluation case: its id and the prompt a model is asked.
 * Other case formats (the datasets module's failure cases) adapt to this record.
 *
 * @param id the case id
 * @param prompt the text the model is asked
 */
public record EvalCase(String id, String prompt) {

  /** Validates the components. */
  public EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    if (id.isBlank()) {
      throw new IllegalArgumentException("eval case id must not be blank");
    }
  }
}
