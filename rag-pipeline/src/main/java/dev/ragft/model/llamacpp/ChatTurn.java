package dev.ragft.model.llamacpp;

import java.util.Objects;

/**
 * One message of a conversation as a chat template sees it.
 *
 * @param role who speaks
 * @param text what is said
 */
public record ChatTurn(Role role, String text) {

  /** The speakers a chat template knows. */
  public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The user. */
    USER,
    /** The model. */
    ASSISTANT
  }

  /** Validates the components. */
  public ChatTurn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }
}
