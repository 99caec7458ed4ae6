package dev.ragft.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One reply a person has labelled, for calibrating a judge. In a calibration file (JSON Lines)
 * each line is {@code {"id", "question", "reference"?, "facts"?: [text], "context"?: [text],
 * "reply", "correct": bool, "faithful"?: bool}}; unknown fields are errors.
 *
 * @param id a unique id
 * @param input what the judge is shown
 * @param correct the person's label: is the reply correct
 * @param faithful the person's label: is it faithful to the context, when they gave one
 */
public record LabelledReply(String id, JudgeInput input, boolean correct,
    Optional<Boolean> faithful) {

  private static final Set<String> FIELDS = Set.of("id", "question", "reference", "facts",
      "context", "reply", "correct", "faithful");

  /** Validates the components. */
  public LabelledReply {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(faithful, "faithful");
  }

  /** Reads a calibration file; the first bad line is an {@link InputException}. */
  public static List<LabelledReply> read(Path file) {
    List<LabelledReply> replies = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      JsonLine line;
      while ((line = reader.next()) != null) {
        LabelledReply reply = parse(line);
        if (ids.contains(reply.id())) {
          throw line.error("id", "repeats \"" + reply.id() + "\"");
        }
        ids.add(reply.id());
        replies.add(reply);
      }
    }
    if (replies.isEmpty()) {
      throw new InputException(file.toString(), 0, null, "holds no labelled replies");
    }
    return replies;
  }

  private static LabelledReply parse(JsonLine line) {
    for (Iterator<String> names = line.json().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw line.error(name, "is not a known field; the known fields are: "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    JudgeInput input = new JudgeInput(line.requireText("question"), line.optText("reference"),
        texts(line, "facts"), texts(line, "context"), line.requireText("reply"));
    return new LabelledReply(line.requireText("id"), input, bool(line, "correct")
        .orElseThrow(() -> line.error("correct", "is missing")), bool(line, "faithful"));
  }

  private static List<String> texts(JsonLine line, String field) {
    JsonNode node = line.json().get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw line.error(field, "must be a list of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw line.error(field, "must be a list of strings");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  private static Optional<Boolean> bool(JsonLine line, String field) {
    JsonNode node = line.json().get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw line.error(field, "must be true or false");
    }
    return Optional.of(node.booleanValue());
  }
}
