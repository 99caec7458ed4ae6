package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Alpaca instruction format, one object per line (JSON Lines, as Axolotl and LLaMA-Factory
 * read it).
 *
 * <ul>
 *   <li>{@code instruction} (the task) and {@code output} (the answer) are required non-empty
 *       strings; {@code input} (optional context) is a string when present — the Stanford Alpaca
 *       README's data format and LLaMA-Factory's {@code data/README.md} ("instruction ...
 *       (required)", "input ... (optional)", "output ... (required)").</li>
 *   <li>{@code system} is a string and {@code history} a list of {@code [instruction, answer]}
 *       string pairs when present — LLaMA-Factory's {@code data/README.md}.</li>
 * </ul>
 */
final class AlpacaRules implements FormatRules {

  @Override
  public void checkLine(ObjectNode json, List<String> problems) {
    TogetherRules.requireText(json, "instruction", problems);
    TogetherRules.requireText(json, "output", problems);
    for (String optional : List.of("input", "system")) {
      JsonNode value = json.get(optional);
      if (value != null && !value.isNull() && !value.isTextual()) {
        problems.add("\"" + optional + "\" must be a string");
      }
    }
    JsonNode history = json.get("history");
    if (history != null && !history.isNull()) {
      if (!history.isArray()) {
        problems.add("\"history\" must be a list of [instruction, answer] pairs");
        return;
      }
      for (int i = 0; i < history.size(); i++) {
        JsonNode pair = history.get(i);
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
            || !pair.get(1).isTextual()) {
          problems.add("history[" + i + "] must be a pair of strings [instruction, answer]");
        }
      }
    }
  }

  @Override
  public int minExamples() {
    return 1;
  }
}
