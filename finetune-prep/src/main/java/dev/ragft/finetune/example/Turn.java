package dev.ragft.finetune.example;

import java.util.Objects;

/**
 * One message of a conversation before the target answer.
 *
 * @param role {@link Role#USER} or {@link Role#ASSISTANT}; the system prompt is not a turn
 * @param content the text, never blank
 */
public record Turn(Role role, String content) {

  /** Validates the components. */
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (role == Role.SYSTEM) {
      throw new IllegalArgumentException("a turn cannot have the system role; use the system prompt");
    }
    if (content.isBlank()) {
      throw new IllegalArgumentException("turn content must not be blank");
    }
  }

  /** A user turn. */
  public static Turn user(String content) {
    return new Turn(Role.USER, content);
  }

  /** An assistant turn. */
  public static Turn assistant(String content) {
    return new Turn(Role.ASSISTANT, content);
  }
}
