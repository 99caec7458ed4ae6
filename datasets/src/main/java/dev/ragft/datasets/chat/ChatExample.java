package dev.ragft.datasets.chat;

import java.util.List;
import java.util.Objects;

/**
 * A supervised chat training example: a prompt (an optional system message, then user and
 * assistant turns ending with the user's) followed by the assistant reply the model should learn.
 * One line of OpenAI chat JSONL.
 *
 * @param messages the whole conversation, ending with the target assistant message
 */
public record ChatExample(List<ChatMessage> messages) {

  /** Validates the conversation and copies it. */
  public ChatExample {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    if (messages.size() < 2) {
      throw new IllegalArgumentException(
          "a training example needs a prompt and a reply, but has " + messages.size() + " message");
    }
    if (messages.getLast().role() != Role.ASSISTANT) {
      throw new IllegalArgumentException("a training example must end with an assistant message");
    }
    ChatTurns.promptProblem(messages.subList(0, messages.size() - 1)).ifPresent(problem -> {
      throw new IllegalArgumentException("the prompt of a training example " + problem);
    });
  }

  /** The messages before the target reply. */
  public List<ChatMessage> prompt() {
    return messages.subList(0, messages.size() - 1);
  }

  /** The target assistant reply. */
  public ChatMessage reply() {
    return messages.getLast();
  }

  /** The content of the last user message: the question this example teaches an answer to. */
  public String lastUserContent() {
    return ChatTurns.lastUserContent(prompt());
  }
}
