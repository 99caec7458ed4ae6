package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Hugging Face TRL's conversational language-modeling format, which Axolotl reads with
 * {@code type: chat_template}: one {@code {"messages": [...]}} object per line.
 *
 * <ul>
 *   <li>{@code messages} is a list of {@code {"role", "content"}} objects with roles
 *       {@code system, user, assistant} (and {@code tool}) — TRL "Dataset formats and types",
 *       conversational format; content is text and not blank (Axolotl warns on empty content).</li>
 *   <li>at least one assistant message — Axolotl's {@code chat_template} trains on
 *       {@code roles_to_train: ["assistant"]} by default, so a conversation without one trains
 *       nothing.</li>
 * </ul>
 */
final class TrlRules implements FormatRules {

  private static final MessageRules MESSAGES = new MessageRules(
      List.of("system", "user", "assistant", "tool"), null, MessageRules.Order.ANY, false, true,
      MessageRules.Weights.UNCHECKED, false);

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    MESSAGES.check(json.get("messages"), "messages", problems);
  }

  @Override
  public int minExamples() {
    return 1;
  }
}
