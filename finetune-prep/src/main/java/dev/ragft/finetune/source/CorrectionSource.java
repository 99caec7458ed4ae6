package dev.ragft.finetune.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * Failure cases paired with corrected answers, one per line:
 * {@code {"id", "question" | "messages", "ideal_answer", "rejected_answer"?, "label"?}}. The ideal
 * answer is the target; the failing answer, when given, makes the example a preference pair.
 * {@code messages} hold the conversation before the answer (an optional leading system message,
 * then alternating user and assistant turns ending with the user).
 */
public final class CorrectionSource {

  private CorrectionSource() {
  }

  /** Every correction of the file; the first bad line fails naming its line and field. */
  public static List<TrainingExample> read(String sourceId, SourceFile file, String licence,
      String label) {
    try (JsonlReader reader = JsonlReader.open(file.path(), OnError.FAIL, InputProblems.collecting())) {
      return reader.map(line -> toExample(sourceId, file, licence, label, line)).toList();
    }
  }

  private static TrainingExample toExample(String sourceId, SourceFile file, String licence,
      String label, JsonLine line) {
    String caseId = line.requireText("id");
    String system = null;
    List<Turn> turns = new ArrayList<>();
    JsonNode messages = line.json().get("messages");
    try {
      if (messages != null) {
        if (!messages.isArray() || messages.isEmpty()) {
          throw line.error("messages", "must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
          String role = messages.get(i).path("role").asText("");
          String content = messages.get(i).path("content").asText("");
          switch (role) {
            case "system" -> {
              if (i > 0) {
                throw line.error("messages[" + i + "].role", "system may only come first");
              }
              system = content;
            }
            case "user" -> turns.add(Turn.user(content));
            case "assistant" -> turns.add(Turn.assistant(content));
            default -> throw line.error("messages[" + i + "].role",
                "must be system, user or assistant, but is: " + role);
          }
        }
      } else {
        turns.add(Turn.user(line.requireText("question")));
      }
      return new TrainingExample(sourceId + "/" + caseId, system, turns,
          line.requireText("ideal_answer"), 1.0, line.optText("rejected_answer").orElse(null),
          line.optText("label").or(() -> line.optText("category")).orElse(label),
          new Provenance(sourceId, file.name(), line.line(), file.sha256(), licence, "corrections"));
    } catch (IllegalArgumentException e) {
      throw line.error(null, e.getMessage());
    }
  }
}
