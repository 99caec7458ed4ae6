package dev.ragft.datasets.scenario.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.datasets.scenario.FactKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fact table: each fact's kind and its value in each version. */
final class Facts {

  static final String V1 = "v1";
  static final String V2 = "v2";

  /** One fact; {@code v2} is null when the value does not change. */
  record Fact(String id, FactKind kind, String v1, String v2) {

    Fact {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(v1, "v1");
    }

    String value(String version) {
      return version.equals(V2) && v2 != null ? v2 : v1;
    }

    boolean changed() {
      return v2 != null;
    }
  }

  private final Map<String, Fact> facts = new LinkedHashMap<>();

  Facts(JsonNode table) {
    for (JsonNode row : table) {
      String id = row.get("id").asText();
      FactKind kind = FactKind.fromWireName(row.get("kind").asText())
          .orElseThrow(() -> new IllegalArgumentException("fact " + id + ": unknown kind"));
      String v2 = row.has("v2") ? row.get("v2").asText() : null;
      if (v2 != null && v2.equals(row.get("v1").asText())) {
        throw new IllegalArgumentException("fact " + id + ": v2 repeats the v1 value");
      }
      if (facts.put(id, new Fact(id, kind, row.get("v1").asText(), v2)) != null) {
        throw new IllegalArgumentException("fact " + id + " is defined twice");
      }
    }
  }

  Fact get(String id) {
    Fact fact = facts.get(id);
    if (fact == null) {
      throw new IllegalArgumentException("unknown fact {{" + id + "}}");
    }
    return fact;
  }

  Iterable<Fact> all() {
    return facts.values();
  }

  int size() {
    return facts.size();
  }
}
