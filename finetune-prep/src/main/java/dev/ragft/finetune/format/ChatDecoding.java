package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.Role;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns role-tagged messages read from a file into a {@link TrainingExample}, and back. */
final class ChatDecoding {

  /** A role and text as read from a line, with the message's weight when it had one. */
  record Raw(Role role, String content, Double weight) {
  }

  private ChatDecoding() {
  }

  /** The messages of {@code array} read with the given key names and role names. */
  static List<Raw> read(JsonLine line, JsonNode array, String path, String roleKey,
      String contentKey, Map<String, Role> roles) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw line.error(path, "must be a non-empty array");
    }
    List<Raw> messages = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode message = array.get(i);
      String name = message.path(roleKey).asText("");
      Role role = roles.get(name);
      if (role == null) {
        throw line.error(path + "[" + i + "]." + roleKey,
            "\"" + name + "\" has no place in a ragft training example");
      }
      JsonNode weight = message.get("weight");
      messages.add(new Raw(role, message.path(contentKey).asText(""),
          weight != null && weight.isNumber() ? weight.asDouble() : null));
    }
    return messages;
  }

  /**
   * The example whose conversation is {@code messages}: a leading system message, then turns,
   * then the final assistant message as the target.
   */
  static TrainingExample toExample(JsonLine line, String path, List<Raw> messages, Double weight,
      String rejected, Provenance provenance) {
    String system = null;
    int start = 0;
    if (messages.get(0).role() == Role.SYSTEM) {
      system = messages.get(0).content();
      start = 1;
    }
    Raw last = messages.get(messages.size() - 1);
    if (last.role() != Role.ASSISTANT) {
      throw line.error(path, "must end with the assistant answer to train on");
    }
    List<Turn> turns = new ArrayList<>();
    try {
      for (Raw message : messages.subList(start, messages.size() - 1)) {
        turns.add(new Turn(message.role(), message.content()));
      }
      double exampleWeight = weight != null ? weight : last.weight() != null ? last.weight() : 1.0;
      return new TrainingExample(idOf(line), system, turns, last.content(), exampleWeight,
          rejected, "", provenance);
    } catch (IllegalArgumentException e) {
      throw line.error(path, e.getMessage());
    }
  }

  /** The line's {@code id} field, or {@code file:line} when it has none. */
  static String idOf(JsonLine line) {
    JsonNode id = line.json().get("id");
    if (id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank()) {
      return id.asText();
    }
    return line.source() + ":" + line.line();
  }

  /** The example's weight as the 0-or-1 integer of per-message weights, or a failure naming it. */
  static int zeroOrOne(TrainingExample example, Format format) {
    if (example.weight() == 0.0 || example.weight() == 1.0) {
      return (int) example.weight();
    }
    throw new RagftException("example " + example.id() + " has weight " + example.weight()
        + ", but " + format.cliName() + " only carries the weights 0 and 1.");
  }

  /** Fails unless the example has weight 1, for formats without weights. */
  static void requireUnitWeight(TrainingExample example, Format format) {
    if (example.weight() != 1.0) {
      throw new RagftException("example " + example.id() + " has weight " + example.weight()
          + ", but " + format.cliName() + " has no weights; only weight 1 can be exported.");
    }
  }

  /** Adds {@code {role, content}} to {@code messages} under the given key names. */
  static ObjectNode add(com.fasterxml.jackson.databind.node.ArrayNode messages, String roleKey,
      String role, String contentKey, String content) {
    return messages.addObject().put(roleKey, role).put(contentKey, content);
  }
}
