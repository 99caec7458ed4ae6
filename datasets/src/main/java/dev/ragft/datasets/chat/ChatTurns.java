package dev.ragft.datasets.chat;

import java.util.List;
import java.util.Optional;

/** The ordering rules every chat prompt in ragft follows, checked in one place. */
public final class ChatTurns {

  private ChatTurns() {
  }

  /**
   * The first rule a prompt breaks, if any: it must not be empty, a system message may only come
   * first, and the last message must be the user's.
   */
  public static Optional<String> promptProblem(List<ChatMessage> messages) {
    if (messages.isEmpty()) {
      return Optional.of("must hold at least one message");
    }
    for (int i = 1; i < messages.size(); i++) {
      if (messages.get(i).role() == Role.SYSTEM) {
        return Optional.of("message " + (i + 1) + " is a system message; only the first may be");
      }
    }
    Role last = messages.getLast().role();
    if (last != Role.USER) {
      return Optional.of("must end with a user message, but ends with "
          + (last == Role.ASSISTANT ? "an " : "a ") + last.wireName() + " message");
    }
    return Optional.empty();
  }

  /** The content of the last user message of a valid prompt. */
  public static String lastUserContent(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        return messages.get(i).content();
      }
    }
    throw new IllegalArgumentException("the messages hold no user message");
  }
}
