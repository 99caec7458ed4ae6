package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Alpaca format, {@code {"instruction", "input", "output"}} with LLaMA-Factory's optional
 * {@code system} and {@code history}: the last user turn is the instruction, earlier turns become
 * history pairs. On reading, a non-empty {@code input} is appended to the instruction after a blank
 * line.
 */
final class AlpacaCodec implements FormatCodec {

  private final Format format;

  AlpacaCodec(Format format) {
    this.format = format;
  }

  @Override
  public Optional<ObjectNode> encode(TrainingExample example) {
    ChatDecoding.requireUnitWeight(example, format);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    List<Turn> turns = example.turns();
    json.put("instruction", turns.get(turns.size() - 1).content());
    json.put("input", "");
    json.put("output", example.target());
    example.systemPrompt().ifPresent(system -> json.put("system", system));
    if (turns.size() > 1) {
      ArrayNode history = json.putArray("history");
      for (int i = 0; i + 1 < turns.size(); i += 2) {
        history.addArray().add(turns.get(i).content()).add(turns.get(i + 1).content());
      }
    }
    return Optional.of(json);
  }

  @Override
  public TrainingExample decode(JsonLine line, Provenance provenance) {
    List<Turn> turns = new ArrayList<>();
    JsonNode history = line.json().get("history");
    try {
      if (history != null && history.isArray()) {
        for (JsonNode pair : history) {
          turns.add(Turn.user(pair.path(0).asText("")));
          turns.add(Turn.assistant(pair.path(1).asText("")));
        }
      }
      String instruction = line.requireText("instruction");
      String input = line.optText("input").orElse("");
      turns.add(Turn.user(input.isBlank() ? instruction : instruction + "\n\n" + input));
      return new TrainingExample(ChatDecoding.idOf(line), line.optText("system").orElse(null),
          turns, line.requireText("output"), 1.0, null, "", provenance);
    } catch (IllegalArgumentException e) {
      throw line.error(null, e.getMessage());
    }
  }
}
