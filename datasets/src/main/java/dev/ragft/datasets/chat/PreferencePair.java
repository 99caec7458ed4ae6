package dev.ragft.datasets.chat;

import java.util.List;
import java.util.Objects;

/**
 * A preference pair for direct preference optimisation: a prompt, the reply to prefer and the
 * reply to avoid. One line of OpenAI DPO JSONL.
 *
 * @param input the prompt; ends with a user message
 * @param preferred the better assistant reply
 * @param nonPreferred the worse assistant reply; differs from {@code preferred}
 */
public record PreferencePair(List<ChatMessage> input, ChatMessage preferred,
    ChatMessage nonPreferred) {

  /** Validates the pair and copies the prompt. */
  public PreferencePair {
    input = List.copyOf(Objects.requireNonNull(input, "input"));
    Objects.requireNonNull(preferred, "preferred");
    Objects.requireNonNull(nonPreferred, "nonPreferred");
    ChatTurns.promptProblem(input).ifPresent(problem -> {
      throw new IllegalArgumentException("the input of a preference pair " + problem);
    });
    if (preferred.role() != Role.ASSISTANT || nonPreferred.role() != Role.ASSISTANT) {
      throw new IllegalArgumentException("both outputs of a preference pair must be assistant "
          + "messages");
    }
    if (preferred.content().equals(nonPreferred.content())) {
      throw new IllegalArgumentException("the preferred and non-preferred outputs are the same");
    }
  }

  /** The content of the last user message of the prompt. */
  public String lastUserContent() {
    return ChatTurns.lastUserContent(input);
  }
}
