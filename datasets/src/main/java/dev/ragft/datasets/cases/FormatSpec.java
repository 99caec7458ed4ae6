package dev.ragft.datasets.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.datasets.internal.JsonSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The shape a reply must have. Every part is optional; a reply passes when it meets all the parts
 * that are present.
 *
 * @param jsonSchema the reply must be one JSON value valid against this schema (a self-contained
 *     JSON Schema, draft 2020-12 unless its {@code $schema} names another)
 * @param pattern the reply must contain a match of this expression; anchor it with {@code ^} and
 *     {@code $} (and {@code (?s)}) to constrain the whole reply
 * @param maxWords the reply may have at most this many whitespace-separated words
 * @param requiredSections each must appear as a Markdown heading line of the reply, ignoring case
 */
public record FormatSpec(Optional<JsonNode> jsonSchema, Optional<Regex> pattern,
    OptionalInt maxWords, List<String> requiredSections) {

  /** No format requirements. */
  public static final FormatSpec NONE =
      new FormatSpec(Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of());

  /** Validates the parts, checks the schema is usable, and copies the mutable ones. */
  public FormatSpec {
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(maxWords, "maxWords");
    jsonSchema = jsonSchema.map(JsonNode::deepCopy);
    jsonSchema.flatMap(JsonSchemas::problem).ifPresent(problem -> {
      throw new IllegalArgumentException("the JSON schema " + problem);
    });
    if (maxWords.isPresent() && maxWords.getAsInt() <= 0) {
      throw new IllegalArgumentException("max words must be > 0, but is: " + maxWords.getAsInt());
    }
    requiredSections = List.copyOf(requiredSections);
    List<String> seen = new ArrayList<>();
    for (String section : requiredSections) {
      if (section.isBlank()) {
        throw new IllegalArgumentException("a required section must not be blank");
      }
      if (seen.contains(section)) {
        throw new IllegalArgumentException("required section \"" + section + "\" is repeated");
      }
      seen.add(section);
    }
  }

  /** A format that only requires the reply to be valid against {@code schema}. */
  public static FormatSpec jsonSchema(JsonNode schema) {
    return new FormatSpec(Optional.of(schema), Optional.empty(), OptionalInt.empty(), List.of());
  }

  /** A copy of the schema, since JSON trees are mutable. */
  @Override
  public Optional<JsonNode> jsonSchema() {
    return jsonSchema.map(JsonNode::deepCopy);
  }

  /** Whether no part is present. */
  public boolean isEmpty() {
    return jsonSchema.isEmpty() && pattern.isEmpty() && maxWords.isEmpty()
        && requiredSections.isEmpty();
  }
}
