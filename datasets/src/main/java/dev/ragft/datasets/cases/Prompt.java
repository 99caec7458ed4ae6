package dev.ragft.datasets.cases;

import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.chat.ChatTurns;
import java.util.List;
import java.util.Objects;

/**
 * What a case asks: a single question, or a conversation (for cases that need earlier turns or
 * their own system message). The setup's prompt template and context are added by the harness.
 */
public sealed interface Prompt {

  /** The text of the last user turn: the question, or the conversation's last user message. */
  String lastUserText();

  /**
   * A single user question.
   *
   * @param text the question; never blank
   */
  record Question(String text) implements Prompt {

    /** Validates the question. */
    public Question {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("a question must not be blank");
      }
    }

    @Override
    public String lastUserText() {
      return text;
    }
  }

  /**
   * A conversation: an optional system message first, then turns ending with the user's.
   *
   * @param messages the turns
   */
  record Conversation(List<ChatMessage> messages) implements Prompt {

    /** Validates the turn order and copies the list. */
    public Conversation {
      messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
      ChatTurns.promptProblem(messages).ifPresent(problem -> {
        throw new IllegalArgumentException("a conversation " + problem);
      });
    }

    @Override
    public String lastUserText() {
      return ChatTurns.lastUserContent(messages);
    }
  }
}
