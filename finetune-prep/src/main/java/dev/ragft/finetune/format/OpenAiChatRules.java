package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * OpenAI supervised fine-tuning, chat format: one {@code {"messages": [...]}} object per line.
 *
 * <ul>
 *   <li>{@code messages} is a non-empty array of objects, each with a {@code role} among
 *       {@code system, user, assistant, tool, function}, only the keys {@code role, content, name,
 *       weight, function_call, tool_calls, tool_call_id}, and text content (an assistant message
 *       that calls a tool may omit it), and at least one assistant message — the format checks of
 *       the OpenAI Cookbook's "Data preparation and analysis for chat model fine-tuning"
 *       ({@code missing_messages_list, message_unrecognized_key, unrecognized_role,
 *       missing_content, example_missing_assistant_message}). Content must not be blank.</li>
 *   <li>{@code weight} only on assistant messages and only 0 or 1 — the API reference for the
 *       fine-tuning assistant message: "Controls whether the assistant message is trained against
 *       (0 or 1)".</li>
 *   <li>at least 10 examples — the supervised fine-tuning guide: "The minimum number of examples
 *       you can provide for fine-tuning is 10".</li>
 *   <li>the tokens per example are limited by the base model (16,385 for gpt-3.5-turbo-0125,
 *       65,536 for gpt-4o and gpt-4o-mini); the {@link Validator} checks this with a token budget.</li>
 * </ul>
 */
final class OpenAiChatRules implements FormatRules {

  static final List<String> ROLES = List.of("system", "user", "assistant", "tool", "function");
  static final Set<String> KEYS = Set.of("role", "content", "name", "weight", "function_call",
      "tool_calls", "tool_call_id");

  private static final MessageRules MESSAGES = new MessageRules(ROLES, KEYS,
      MessageRules.Order.ANY, false, true, MessageRules.Weights.ASSISTANT_ZERO_ONE, true);

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    MESSAGES.check(json.get("messages"), "messages", problems);
  }

  @Override
  public int minExamples() {
    return 10;
  }
}
