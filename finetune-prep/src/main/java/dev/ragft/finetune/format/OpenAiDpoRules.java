package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * OpenAI direct preference optimization (DPO): one {@code {"input": {"messages": [...]},
 * "preferred_output": [...], "non_preferred_output": [...]}} object per line.
 *
 * <ul>
 *   <li>{@code input} is an object with a non-empty {@code messages} array checked like the chat
 *       format ({@link OpenAiChatRules}) except that it needs no assistant message — the DPO guide's
 *       data format.</li>
 *   <li>{@code input.messages} ends with a user message — the DPO guide: "we only train on one-turn
 *       conversations for each example, where the preferred and non-preferred messages need to be
 *       the last assistant message".</li>
 *   <li>{@code preferred_output} and {@code non_preferred_output} are arrays with at least one
 *       assistant message, whose roles are only {@code assistant} or {@code tool} — the DPO data
 *       format as documented for OpenAI models on Azure ("must contain at least one assistant
 *       message", "can only have roles in (assistant, tool)").</li>
 *   <li>at least 10 examples — the same minimum as supervised fine-tuning.</li>
 * </ul>
 */
final class OpenAiDpoRules implements FormatRules {

  private static final MessageRules INPUT = new MessageRules(OpenAiChatRules.ROLES,
      OpenAiChatRules.KEYS, MessageRules.Order.ANY, false, false,
      MessageRules.Weights.ASSISTANT_ZERO_ONE, true);
  private static final MessageRules OUTPUT = new MessageRules(List.of("assistant", "tool"),
      OpenAiChatRules.KEYS, MessageRules.Order.ANY, false, true,
      MessageRules.Weights.ASSISTANT_ZERO_ONE, true);

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    JsonNode input = json.get("input");
    if (input == null || !input.isObject()) {
      problems.add("\"input\" must be an object with \"messages\"");
    } else {
      JsonNode messages = input.get("messages");
      INPUT.check(messages, "input.messages", problems);
      if (messages instanceof ArrayNode array && !array.isEmpty()
          && !"user".equals(array.get(array.size() - 1).path("role").asText())) {
        problems.add("input.messages must end with a user message (DPO trains one turn)");
      }
    }
    OUTPUT.check(json.get("preferred_output"), "preferred_output", problems);
    OUTPUT.check(json.get("non_preferred_output"), "non_preferred_output", problems);
  }

  @Override
  public int minExamples() {
    return 10;
  }
}
