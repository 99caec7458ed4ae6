package dev.ragft.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed line of a JSON Lines file, with where it came from, and accessors that turn a missing
 * or mistyped field into an {@link InputException} naming the file, line and field.
 *
 * @param source the file name used in messages
 * @param line the 1-based line number
 * @param json the parsed object
 */
public record JsonLine(String source, long line, ObjectNode json) {

  /** Validates the components. */
  public JsonLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(json, "json");
  }

  /** The text of a required string field; a number is accepted and given as its text. */
  public String requireText(String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw error(field, "is missing");
    }
    if (!node.isTextual() && !node.isNumber()) {
      throw error(field, "must be a string, but is: " + node.getNodeType().name().toLowerCase());
    }
    return node.asText();
  }

  /** The text of an optional string field, empty when absent or null. */
  public Optional<String> optText(String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
      throw error(field, "must be a string, but is: " + node.getNodeType().name().toLowerCase());
    }
    return Optional.of(node.asText());
  }

  /** An input error at this line about {@code field} (null for the whole record). */
  public InputException error(String field, String problem) {
    return new InputException(source, line, field, problem);
  }
}
