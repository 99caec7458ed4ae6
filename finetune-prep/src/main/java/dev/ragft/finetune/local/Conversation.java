package dev.ragft.finetune.local;

import java.util.List;

/**
 * One training example: a conversation with at least one assistant message.
 *
 * @param messages the messages in order; copied
 */
public record Conversation(List<ChatMessage> messages) {

  /** Validates that there is an assistant message and copies the list. */
  public Conversation {
    messages = List.copyOf(messages);
    if (messages.stream().noneMatch(ChatMessage::isAssistant)) {
      throw new IllegalArgumentException("a training conversation needs an assistant message");
    }
  }

  /** A conversation of one user message and the assistant's answer. */
  public static Conversation of(String user, String assistant) {
    return new Conversation(List.of(new ChatMessage("user", user),
        new ChatMessage("assistant", assistant)));
  }
}
