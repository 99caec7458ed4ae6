package dev.ragft.rag.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;

/** Turns a JSON or YAML value from a source into the string a metadata entry holds. */
final class MetadataValues {

  private MetadataValues() {
  }

  /** Scalars as their text, lists of scalars joined by ", ", anything else as compact JSON. */
  static String of(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      boolean scalars = true;
      for (JsonNode item : value) {
        scalars &= item.isValueNode() && !item.isNull();
        joined.append(joined.isEmpty() ? "" : ", ").append(item.asText());
      }
      if (scalars) {
        return joined.toString();
      }
    }
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree cannot be written back", e);
    }
  }
}
