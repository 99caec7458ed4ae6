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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code {"input": {"messages"}, "preferred_output", "non_preferred_output"}} preference
 * formats (OpenAI DPO, Together preference): the target is the preferred output and the rejected
 * answer the non-preferred one. Examples without a rejected answer are skipped.
 */
final class PreferenceCodec implements FormatCodec {

  private static final Map<String, Role> ROLES =
      Map.of("system", Role.SYSTEM, "user", Role.USER, "assistant", Role.ASSISTANT);

  private final Format format;

  PreferenceCodec(Format format) {
    this.format = format;
  }

  @Override
  public Optional<ObjectNode> encode(TrainingExample example) {
    if (!example.isPreferencePair()) {
      return Optional.empty();
    }
    ChatDecoding.requireUnitWeight(example, format);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode messages = json.putObject("input").putArray("messages");
    example.systemPrompt().ifPresent(system -> ChatDecoding.add(messages, "role", "system",
        "content", system));
    for (Turn turn : example.turns()) {
      ChatDecoding.add(messages, "role", turn.role().wireName(), "content", turn.content());
    }
    ChatDecoding.add(json.putArray("preferred_output"), "role", "assistant", "content",
        example.target());
    ChatDecoding.add(json.putArray("non_preferred_output"), "role", "assistant", "content",
        example.rejected());
    return Optional.of(json);
  }

  @Override
  public TrainingExample decode(JsonLine line, Provenance provenance) {
    List<ChatDecoding.Raw> messages = new ArrayList<>(ChatDecoding.read(line,
        line.json().path("input").get("messages"), "input.messages", "role", "content", ROLES));
    messages.add(lastAssistant(line, "preferred_output"));
    String rejected = lastAssistant(line, "non_preferred_output").content();
    return ChatDecoding.toExample(line, "input.messages", messages, null, rejected, provenance);
  }

  private static ChatDecoding.Raw lastAssistant(JsonLine line, String field) {
    JsonNode output = line.json().get(field);
    if (output != null && output.isArray()) {
      for (int i = output.size() - 1; i >= 0; i--) {
        if ("assistant".equals(output.get(i).path("role").asText())) {
          return new ChatDecoding.Raw(Role.ASSISTANT, output.get(i).path("content").asText(""), null);
        }
      }
    }
    throw line.error(field, "has no assistant message");
  }
}
