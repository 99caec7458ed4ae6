package dev.ragft.datasets.chat;

import java.util.Objects;

/**
 * One message of a chat.
 *
 * @param role who speaks
 * @param content what is said; never blank
 */
public record ChatMessage(Role role, String content) {

  /** Validates the components. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (content.isBlank()) {
      throw new IllegalArgumentException("a " + role.wireName() + " message must not be blank");
    }
  }

  /** A system message. */
  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }

  /** A user message. */
  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  /** An assistant message. */
  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content);
  }
}
