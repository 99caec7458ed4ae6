package dev.ragft.datasets.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes the changed-facts file: JSON Lines with the fields {@code doc_id},
 * {@code fact_id}, {@code kind}, {@code old_value}, {@code new_value}, {@code old_version} and
 * {@code new_version}.
 */
public final class ChangedFacts {

  private static final List<String> FIELDS = List.of("doc_id", "fact_id", "kind", "old_value",
      "new_value", "old_version", "new_version");

  private ChangedFacts() {
  }

  /** Reads every changed fact of a stream, stopping at the first bad line. */
  public static List<ChangedFact> read(InputStream in, String source) {
    try (JsonlReader reader = new JsonlReader(in, source, OnError.FAIL, InputProblems.collecting());
         Stream<ChangedFact> facts = reader.map(ChangedFacts::parse)) {
      return facts.toList();
    }
  }

  private static ChangedFact parse(JsonLine line) {
    Node node = Node.root(LocatedTree.onOneLine(line.json(), line.source(), line.line()));
    node.requireObject(FIELDS);
    Node kindNode = node.require("kind");
    FactKind kind = FactKind.fromWireName(kindNode.text()).orElseThrow(() ->
        kindNode.error("is not a known kind of fact: \"" + kindNode.json().asText() + "\""));
    try {
      return new ChangedFact(node.require("doc_id").text(), node.require("fact_id").text(), kind,
          node.require("old_value").text(), node.require("new_value").text(),
          node.require("old_version").text(), node.require("new_version").text());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage(), e);
    }
  }

  /** The JSON Lines object of a changed fact, fields in the documented order. */
  public static ObjectNode toJson(ChangedFact fact) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("doc_id", fact.docId());
    json.put("fact_id", fact.factId());
    json.put("kind", fact.kind().wireName());
    json.put("old_value", fact.oldValue());
    json.put("new_value", fact.newValue());
    json.put("old_version", fact.oldVersion());
    json.put("new_version", fact.newVersion());
    return json;
  }
}
