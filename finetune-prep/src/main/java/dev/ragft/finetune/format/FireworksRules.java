package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fireworks supervised fine-tuning: one {@code {"messages": [...]}} object per line, in the
 * OpenAI-compatible chat format.
 *
 * <ul>
 *   <li>{@code messages} is a non-empty array; {@code role} is "one of system, user, or assistant";
 *       "A message with the system role is optional, but if specified, it must be the first message
 *       of the conversation"; {@code content} is "a string representing the message content" (and
 *       must not be blank); {@code weight} is an "optional key with value to be configured in either
 *       0 or 1" — the "Supervised Fine Tuning - Text" guide's dataset restrictions.</li>
 *   <li>"Minimum examples: 3" and "Maximum examples: 3 million per dataset" — same guide.</li>
 *   <li>a root-level {@code weight} "accepts any floating-point number", and "If you use weights,
 *       the weight field must be present in all samples in your dataset" — the weighted training
 *       guide.</li>
 * </ul>
 */
final class FireworksRules implements FormatRules {

  static final int MAX_EXAMPLES = 3_000_000;

  private static final MessageRules MESSAGES = new MessageRules(
      List.of("system", "user", "assistant"), null, MessageRules.Order.SYSTEM_FIRST, false, false,
      MessageRules.Weights.ZERO_ONE, false);

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    MESSAGES.check(json.get("messages"), "messages", problems);
    JsonNode weight = json.get("weight");
    if (weight != null && !weight.isNumber()) {
      problems.add("root \"weight\" must be a number, but is: " + weight);
    }
  }

  @Override
  public int minExamples() {
    return 3;
  }

  @Override
  public FileRules fileRules() {
    return new FileRules() {
      private final List<Long> weighted = new ArrayList<>();
      private final List<Long> unweighted = new ArrayList<>();
      private long lines;

      @Override
      public void line(long line, ObjectNode json) {
        (json.has("weight") ? weighted : unweighted).add(line);
        lines++;
      }

      @Override
      public List<Violation> finish(String source) {
        List<Violation> found = new ArrayList<>();
        if (!weighted.isEmpty()) {
          for (long line : unweighted) {
            found.add(new Violation(source, line, "root \"weight\" is missing, but other examples "
                + "set it; Fireworks needs it on all examples or none"));
          }
        }
        if (lines > MAX_EXAMPLES) {
          found.add(new Violation(source, 0, "has " + lines + " examples; fireworks accepts at most "
              + MAX_EXAMPLES));
        }
        return found;
      }
    };
  }
}
