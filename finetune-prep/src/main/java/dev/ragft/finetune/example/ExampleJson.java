package dev.ragft.finetune.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ragft's own JSON Lines form of a {@link TrainingExample}, which keeps every field including the
 * provenance: the build writes its train and validation sets in this form ({@code *.ragft.jsonl}),
 * and {@code ragft ft export} reads it back to produce any provider format.
 */
public final class ExampleJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExampleJson() {
  }

  /** The example as one JSON object, fields in a fixed order. */
  public static ObjectNode write(TrainingExample example) {
    ObjectNode json = NODES.objectNode();
    json.put("id", example.id());
    if (example.system() != null) {
      json.put("system", example.system());
    }
    ArrayNode turns = json.putArray("turns");
    for (Turn turn : example.turns()) {
      turns.addObject().put("role", turn.role().wireName()).put("content", turn.content());
    }
    json.put("target", example.target());
    json.put("weight", example.weight());
    if (example.rejected() != null) {
      json.put("rejected", example.rejected());
    }
    json.put("label", example.label());
    Provenance p = example.provenance();
    ObjectNode provenance = json.putObject("provenance");
    provenance.put("source", p.sourceId()).put("file", p.file()).put("line", p.line())
        .put("sha256", p.sourceSha256()).put("builder", p.builder());
    if (p.licence() != null) {
      provenance.put("licence", p.licence());
    }
    return json;
  }

  /** Reads an example written by {@link #write}; a missing or mistyped field names its line. */
  public static TrainingExample read(JsonLine line) {
    String id = line.requireText("id");
    JsonNode turnsNode = line.json().get("turns");
    if (!(turnsNode instanceof ArrayNode array) || array.isEmpty()) {
      throw line.error("turns", "must be a non-empty array");
    }
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode turn = array.get(i);
      String role = turn.path("role").asText("");
      String content = turn.path("content").asText("");
      if (content.isBlank()) {
        throw line.error("turns[" + i + "].content", "must be a non-empty string");
      }
      switch (role) {
        case "user" -> turns.add(Turn.user(content));
        case "assistant" -> turns.add(Turn.assistant(content));
        default -> throw line.error("turns[" + i + "].role", "must be user or assistant, but is: " + role);
      }
    }
    JsonNode weight = line.json().get("weight");
    if (weight != null && !weight.isNumber()) {
      throw line.error("weight", "must be a number");
    }
    JsonNode provenance = line.json().get("provenance");
    if (!(provenance instanceof ObjectNode p)) {
      throw line.error("provenance", "is missing");
    }
    JsonLine inner = new JsonLine(line.source(), line.line(), p);
    try {
      Provenance origin = new Provenance(inner.requireText("source"), inner.requireText("file"),
          p.path("line").asLong(0), inner.requireText("sha256").toLowerCase(Locale.ROOT),
          inner.optText("licence").orElse(null), inner.requireText("builder"));
      return new TrainingExample(id, line.optText("system").orElse(null), turns,
          line.requireText("target"), weight == null ? 1.0 : weight.asDouble(),
          line.optText("rejected").orElse(null), line.optText("label").orElse(""), origin);
    } catch (IllegalArgumentException e) {
      throw line.error(null, e.getMessage());
    }
  }
}
