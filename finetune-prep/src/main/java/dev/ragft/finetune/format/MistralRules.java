package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Mistral fine-tuning (the API and {@code mistral-finetune}): one {@code {"messages": [...]}}
 * object per line.
 *
 * <ul>
 *   <li>{@code messages} is a list whose items hold {@code role} and {@code content}; "role is a
 *       string being one of user, assistant or system", plus {@code tool} in function-calling data,
 *       where an assistant message may hold {@code tool_calls} instead of content — the
 *       {@code mistral-finetune} README, "Prepare dataset"; content must not be blank.</li>
 *   <li>the last message is the assistant's — the README's data validator: "Expected last role to
 *       be one of: [assistant]".</li>
 *   <li>{@code weight} on an assistant message, 0 to leave it out of training — the README's
 *       instruct example ({@code "weight": 0, # don't train on n°2}); only 0 and 1 are accepted.</li>
 * </ul>
 */
final class MistralRules implements FormatRules {

  private static final MessageRules MESSAGES = new MessageRules(
      List.of("system", "user", "assistant", "tool"), null, MessageRules.Order.ANY, true, false,
      MessageRules.Weights.ASSISTANT_ZERO_ONE, true);

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    MESSAGES.check(json.get("messages"), "messages", problems);
  }

  @Override
  public int minExamples() {
    return 1;
  }
}
