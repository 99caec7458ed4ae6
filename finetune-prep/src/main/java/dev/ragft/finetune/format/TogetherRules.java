package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Together AI fine-tuning files, in its three text formats (conversational, instruction,
 * preference); one instance per format.
 *
 * <ul>
 *   <li>A line holds exactly one format's keys — the data-preparation guide: "If the same file has
 *       two possible formats (for example both text and messages), the server rejects it".</li>
 *   <li>Conversational: {@code messages} is a non-empty array whose roles are {@code system, user,
 *       assistant}, each with text content; "The conversation must start with system or user and
 *       alternate user and assistant afterwards"; per-message {@code weight} "Only 0 and 1 are
 *       supported" — the data-preparation guide; the same role twice in a row is rejected by the
 *       client's file check ({@code together.utils.files.validate_messages}).</li>
 *   <li>Instruction: {@code prompt} and {@code completion} are strings — the guide's instruction
 *       format; both must be non-empty.</li>
 *   <li>Preference: {@code input.messages} in the conversational format, and
 *       {@code preferred_output} and {@code non_preferred_output} "must contain exactly one message
 *       from the assistant role" — the preference fine-tuning guide.</li>
 *   <li>at least 100 examples — the client's file check ({@code together.constants.MIN_SAMPLES},
 *       "Our minimum is 100 samples").</li>
 * </ul>
 */
final class TogetherRules implements FormatRules {

  /** The Together text formats. */
  enum Kind {
    /** {@code messages}. */
    CONVERSATIONAL,
    /** {@code prompt} and {@code completion}. */
    INSTRUCTION,
    /** {@code input}, {@code preferred_output} and {@code non_preferred_output}. */
    PREFERENCE
  }

  private static final Map<String, List<String>> FORMAT_KEYS = Map.of(
      "text", List.of("text"),
      "conversational", List.of("messages"),
      "instruction", List.of("prompt", "completion"),
      "preference", List.of("input", "preferred_output", "non_preferred_output"));
  private static final List<String> FORMAT_ORDER =
      List.of("conversational", "instruction", "preference", "text");

  static final MessageRules MESSAGES = new MessageRules(List.of("system", "user", "assistant"),
      null, MessageRules.Order.ALTERNATING, false, false, MessageRules.Weights.ZERO_ONE, false);
  private static final MessageRules OUTPUT = new MessageRules(List.of("assistant"), null,
      MessageRules.Order.ANY, false, true, MessageRules.Weights.ZERO_ONE, false);

  private final Kind kind;

  TogetherRules(Kind kind) {
    this.kind = kind;
  }

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    List<String> present = new ArrayList<>();
    for (String name : FORMAT_ORDER) {
      if (FORMAT_KEYS.get(name).stream().allMatch(json::has)) {
        present.add(name);
      }
    }
    if (present.size() > 1) {
      problems.add("has the keys of more than one Together format: " + String.join(", ", present));
    }
    switch (kind) {
      case CONVERSATIONAL -> MESSAGES.check(json.get("messages"), "messages", problems);
      case INSTRUCTION -> {
        requireText(json, "prompt", problems);
        requireText(json, "completion", problems);
      }
      case PREFERENCE -> checkPreference(json, problems);
    }
  }

  private static void checkPreference(ObjectNode json, List<String> problems) {
    JsonNode input = json.get("input");
    if (input == null || !input.isObject()) {
      problems.add("\"input\" must be an object with \"messages\"");
    } else {
      MESSAGES.check(input.get("messages"), "input.messages", problems);
    }
    for (String field : List.of("preferred_output", "non_preferred_output")) {
      JsonNode output = json.get(field);
      if (output instanceof ArrayNode array && array.size() > 1) {
        problems.add("\"" + field + "\" must hold exactly one assistant message, but holds " + array.size());
      } else {
        OUTPUT.check(output, field, problems);
      }
    }
  }

  static void requireText(ObjectNode json, String field, List<String> problems) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add("\"" + field + "\" must be a non-empty string");
    }
  }

  @Override
  public int minExamples() {
    return 100;
  }
}
