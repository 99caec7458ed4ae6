package dev.ragft.datasets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ragft.common.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that a JSON Schema is usable by the evaluation harness: an object, valid against the
 * meta-schema of its dialect ({@code $schema}, draft 2020-12 when absent), self-contained (every
 * {@code $ref} points inside the schema, so nothing is fetched from the network), and accepted by
 * the validator library the harness scores with. Thread-safe.
 */
public final class JsonSchemas {

  private static final SpecificationVersion DEFAULT_DIALECT = SpecificationVersion.DRAFT_2020_12;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DEFAULT_DIALECT);
  private static final Map<SpecificationVersion, Schema> META = new ConcurrentHashMap<>();
  /** Verdicts by schema text: case files repeat one schema many times. Bounded, never evicted. */
  private static final Map<String, Optional<String>> CHECKED = new ConcurrentHashMap<>();
  private static final int MAX_CHECKED = 1024;

  private JsonSchemas() {
  }

  /** What is wrong with {@code schema} as one sentence fragment, or empty when it is usable. */
  public static Optional<String> problem(JsonNode schema) {
    if (!schema.isObject()) {
      return Optional.of("must be a JSON Schema object, but is: " + Node.kind(schema));
    }
    String text;
    try {
      text = Json.mapper().writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree could not be written back", e);
    }
    Optional<String> known = CHECKED.get(text);
    if (known != null) {
      return known;
    }
    Optional<String> verdict = check(schema, text);
    if (CHECKED.size() < MAX_CHECKED) {
      CHECKED.put(text, verdict);
    }
    return verdict;
  }

  private static Optional<String> check(JsonNode schema, String text) {
    Optional<String> outside = outsideReference(schema);
    if (outside.isPresent()) {
      return outside;
    }
    SpecificationVersion dialect = DEFAULT_DIALECT;
    JsonNode declared = schema.get("$schema");
    if (declared != null) {
      Optional<SpecificationVersion> known = declared.isTextual()
          ? SpecificationVersion.fromDialectId(declared.asText()) : Optional.empty();
      if (known.isEmpty()) {
        return Optional.of("names an unknown JSON Schema dialect in \"$schema\": " + declared);
      }
      dialect = known.get();
    }
    List<Error> errors = META.computeIfAbsent(dialect,
            version -> REGISTRY.getSchema(SchemaLocation.of(version.getDialectId())))
        .validate(text, InputFormat.JSON);
    if (!errors.isEmpty()) {
      return Optional.of("is not a valid JSON Schema: " + errors.getFirst().toString());
    }
    try {
      REGISTRY.getSchema(text, InputFormat.JSON);
    } catch (SchemaException e) {
      return Optional.of("is not a usable JSON Schema: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<String> outsideReference(JsonNode schema) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(schema);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        for (String keyword : List.of("$ref", "$dynamicRef", "$recursiveRef")) {
          JsonNode ref = node.get(keyword);
          if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
            return Optional.of("refers outside itself with " + keyword + " \"" + ref.asText()
                + "\"; a case's schema must be self-contained");
          }
        }
      }
      node.elements().forEachRemaining(pending::push);
    }
    return Optional.empty();
  }
}
