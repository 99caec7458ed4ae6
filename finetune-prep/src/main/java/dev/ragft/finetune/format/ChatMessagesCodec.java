package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The {@code {"messages": [{"role", "content"}...]}} formats (OpenAI chat, Together
 * conversational, Fireworks, Mistral, TRL/Axolotl). Earlier assistant turns get weight 0 where the
 * format has per-message weights, so that only the target is trained.
 */
final class ChatMessagesCodec implements FormatCodec {

  /** How a format carries weights. */
  enum Weights {
    /** None: only weight 1 can be exported. */
    NONE,
    /** An integer 0 or 1 on each assistant message. */
    PER_MESSAGE,
    /** 0 on context assistant messages, and the example weight as a root-level number. */
    ROOT
  }

  private static final Map<String, Role> ROLES =
      Map.of("system", Role.SYSTEM, "user", Role.USER, "assistant", Role.ASSISTANT);

  private final Format format;
  private final Weights weights;

  ChatMessagesCodec(Format format, Weights weights) {
    this.format = format;
    this.weights = weights;
  }

  @Override
  public Optional<ObjectNode> encode(TrainingExample example) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode messages = json.putArray("messages");
    example.systemPrompt().ifPresent(system -> ChatDecoding.add(messages, "role", "system",
        "content", system));
    for (Turn turn : example.turns()) {
      ObjectNode message = ChatDecoding.add(messages, "role", turn.role().wireName(), "content",
          turn.content());
      if (turn.role() == Role.ASSISTANT && weights != Weights.NONE) {
        message.put("weight", 0);
      }
    }
    ObjectNode target = ChatDecoding.add(messages, "role", "assistant", "content", example.target());
    switch (weights) {
      case NONE -> ChatDecoding.requireUnitWeight(example, format);
      case PER_MESSAGE -> target.put("weight", ChatDecoding.zeroOrOne(example, format));
      case ROOT -> json.put("weight", example.weight());
    }
    return Optional.of(json);
  }

  @Override
  public TrainingExample decode(JsonLine line, Provenance provenance) {
    JsonNode root = line.json().get("weight");
    Double weight = weights == Weights.ROOT && root != null && root.isNumber() ? root.asDouble() : null;
    return ChatDecoding.toExample(line, "messages",
        ChatDecoding.read(line, line.json().get("messages"), "messages", "role", "content", ROLES),
        weight, null, provenance);
  }
}
