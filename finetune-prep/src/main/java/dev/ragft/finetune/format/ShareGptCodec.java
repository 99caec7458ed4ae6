package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.Role;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.Map;
import java.util.Optional;

/** The ShareGPT format, {@code {"conversations": [{"from": "human"|"gpt"|"system", "value"}]}}. */
final class ShareGptCodec implements FormatCodec {

  private static final Map<String, Role> ROLES =
      Map.of("system", Role.SYSTEM, "human", Role.USER, "gpt", Role.ASSISTANT);

  private final Format format;

  ShareGptCodec(Format format) {
    this.format = format;
  }

  @Override
  public Optional<ObjectNode> encode(TrainingExample example) {
    ChatDecoding.requireUnitWeight(example, format);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode conversations = json.putArray("conversations");
    example.systemPrompt().ifPresent(system -> ChatDecoding.add(conversations, "from", "system",
        "value", system));
    for (Turn turn : example.turns()) {
      ChatDecoding.add(conversations, "from", turn.role() == Role.USER ? "human" : "gpt", "value",
          turn.content());
    }
    ChatDecoding.add(conversations, "from", "gpt", "value", example.target());
    return Optional.of(json);
  }

  @Override
  public TrainingExample decode(JsonLine line, Provenance provenance) {
    return ChatDecoding.toExample(line, "conversations", ChatDecoding.read(line,
        line.json().get("conversations"), "conversations", "from", "value", ROLES), null, null,
        provenance);
  }
}
