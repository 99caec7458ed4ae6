package dev.ragft.finetune.local;

import java.util.Objects;
import java.util.Set;

/**
 * One message of a training conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}; only assistant messages are trained
 * @param content the text
 */
public record ChatMessage(String role, String content) {

  /** The roles a message may have. */
  public static final Set<String> ROLES = Set.of("system", "user", "assistant");

  /** Validates the role and content. */
  public ChatMessage {
    Objects.requireNonNull(content, "content");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(
          "role must be system, user or assistant, but is: " + role);
    }
  }

  /** Whether this is an assistant message, whose tokens the loss is computed on. */
  public boolean isAssistant() {
    return role.equals("assistant");
  }
}
