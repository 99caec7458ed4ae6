package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The ShareGPT conversation format: one {@code {"conversations": [{"from", "value"}...]}} object
 * per line.
 *
 * <ul>
 *   <li>{@code from} is one of {@code system, human, gpt, function_call, observation} and
 *       {@code value} a non-empty string — LLaMA-Factory's {@code data/README.md} (ShareGPT format)
 *       and Axolotl's legacy {@code sharegpt} type (system, human, gpt).</li>
 *   <li>a system message only first; after it "human and observation should appear in odd
 *       positions, while gpt and function should appear in even positions" — LLaMA-Factory's
 *       {@code data/README.md}.</li>
 *   <li>the conversation ends with a {@code gpt} turn — LLaMA-Factory's converter rejects a
 *       conversation with an odd number of turns ("Invalid message count").</li>
 * </ul>
 */
final class ShareGptRules implements FormatRules {

  private static final List<String> FROM =
      List.of("system", "human", "gpt", "function_call", "observation");
  private static final Set<String> ASKING = Set.of("human", "observation");

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    JsonNode node = json.get("conversations");
    if (!(node instanceof ArrayNode turns) || turns.isEmpty()) {
      problems.add("\"conversations\" must be a non-empty array");
      return;
    }
    int position = 0;
    String last = null;
    for (int i = 0; i < turns.size(); i++) {
      String at = "conversations[" + i + "]";
      JsonNode turn = turns.get(i);
      JsonNode from = turn.get("from");
      if (from == null || !from.isTextual() || !FROM.contains(from.asText())) {
        // An unknown speaker takes no position, so the turns after it are not all reported too.
        problems.add(at + ".from must be one of: " + String.join(", ", FROM) + ", but is: " + from);
        continue;
      }
      JsonNode value = turn.get("value");
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        problems.add(at + ".value must be a non-empty string");
      }
      String role = from.asText();
      last = role;
      if (role.equals("system")) {
        if (i > 0) {
          problems.add(at + ": a system turn may only come first");
        }
        continue;
      }
      position++;
      boolean odd = position % 2 == 1;
      if (odd != ASKING.contains(role)) {
        problems.add(at + ": \"" + role + "\" must be at an " + (odd ? "even" : "odd")
            + " position (human and observation odd, gpt and function_call even)");
      }
    }
    if (last != null && !last.equals("gpt")) {
      problems.add("the last turn must be from \"gpt\", but is from \"" + last + "\"");
    }
  }

  @Override
  public int minExamples() {
    return 1;
  }
}
