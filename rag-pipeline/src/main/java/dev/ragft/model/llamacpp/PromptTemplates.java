package dev.ragft.model.llamacpp;

import dev.ragft.common.RagftException;
import dev.ragft.model.llamacpp.ChatTurn.Role;
import java.util.List;
import java.util.stream.Collectors;

/** The two templates ragft renders itself: {@code plain} and {@code completion}. */
final class PromptTemplates {

  /** The stop sequence the plain template adds, so a base model does not speak for the user. */
  static final String PLAIN_STOP = "\nUser:";

  private PromptTemplates() {
  }

  /** Renders the documented plain template (see {@link ChatTemplateMode#PLAIN}). */
  static String plain(List<ChatTurn> turns) {
    checkSystemFirst(turns);
    StringBuilder prompt = new StringBuilder();
    String system = system(turns);
    if (!system.isEmpty()) {
      prompt.append(system).append("\n\n");
    }
    for (ChatTurn turn : turns) {
      switch (turn.role()) {
        case SYSTEM -> { }
        case USER -> prompt.append("User: ").append(turn.text()).append('\n');
        case ASSISTANT -> prompt.append("Assistant: ").append(turn.text()).append('\n');
      }
    }
    return prompt.append("Assistant:").toString();
  }

  /** Joins the message texts with blank lines (see {@link ChatTemplateMode#COMPLETION}). */
  static String completion(List<ChatTurn> turns) {
    checkSystemFirst(turns);
    return turns.stream().map(ChatTurn::text).collect(Collectors.joining("\n\n"));
  }

  /** The leading system texts, joined by blank lines; empty when there are none. */
  static String system(List<ChatTurn> turns) {
    return turns.stream().takeWhile(turn -> turn.role() == Role.SYSTEM).map(ChatTurn::text)
        .collect(Collectors.joining("\n\n"));
  }

  /** Rejects a conversation that is empty or has a system message after another message. */
  static void checkSystemFirst(List<ChatTurn> turns) {
    if (turns.isEmpty()) {
      throw new RagftException("a chat request needs at least one message");
    }
    boolean conversationStarted = false;
    for (ChatTurn turn : turns) {
      if (turn.role() != Role.SYSTEM) {
        conversationStarted = true;
      } else if (conversationStarted) {
        throw new RagftException("a system message may only come before the conversation,"
            + " but one follows a user or assistant message");
      }
    }
  }
}
