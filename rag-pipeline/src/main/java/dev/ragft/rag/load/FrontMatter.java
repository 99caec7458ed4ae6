package dev.ragft.rag.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The YAML front matter of a Markdown text and the body after it. Front matter is present only
 * when the first line is {@code ---} and a later line is {@code ---} or {@code ...}; otherwise
 * the whole text is the body.
 *
 * @param source the file name used in messages
 * @param fields the top-level front matter fields in file order (empty without front matter)
 * @param body the text after the closing line
 */
record FrontMatter(String source, Map<String, JsonNode> fields, String body) {

  /** Splits {@code text}; malformed YAML is an {@link InputException} naming its line. */
  static FrontMatter split(String text, String source) {
    if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
      return new FrontMatter(source, Map.of(), text);
    }
    int lineStart = text.indexOf('\n') + 1;
    while (lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      int next = lineEnd < 0 ? text.length() : lineEnd + 1;
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
      if (line.equals("---") || line.equals("...")) {
        String yaml = text.substring(text.indexOf('\n') + 1, lineStart);
        return new FrontMatter(source, parse(yaml, source), text.substring(next));
      }
      lineStart = next;
    }
    return new FrontMatter(source, Map.of(), text);
  }

  private static Map<String, JsonNode> parse(String yaml, String source) {
    JsonNode tree;
    try {
      tree = Json.yaml().readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      long line = where == null || where.getLineNr() < 1 ? 1 : where.getLineNr() + 1;
      throw new InputException(source, line, null,
          "front matter is not valid YAML: " + oneLine(e.getOriginalMessage()), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return Map.of();
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new InputException(source, 2, null, "front matter must be a YAML mapping, but is: "
          + tree.getNodeType().name().toLowerCase());
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    object.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
    return Collections.unmodifiableMap(fields);
  }

  /** SnakeYAML's message without its indented excerpt lines, joined into one line. */
  private static String oneLine(String message) {
    return message.lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
  }
}
