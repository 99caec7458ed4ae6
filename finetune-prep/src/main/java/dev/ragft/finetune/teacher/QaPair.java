package dev.ragft.finetune.teacher;

import java.util.Objects;

/**
 * A question the teacher wrote about a chunk, with its answer.
 *
 * @param question the question
 * @param answer the answer, taken from the chunk
 */
public record QaPair(String question, String answer) {

  /** Validates the components. */
  public QaPair {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    if (question.isBlank() || answer.isBlank()) {
      throw new IllegalArgumentException("question and answer must not be blank");
    }
  }
}
