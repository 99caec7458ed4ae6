package dev.ragft.datasets.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.ragft.common.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON or YAML value together with the line each of its parts starts on, so that a problem
 * found after parsing can still be reported at its line. Lines are keyed by JSON Pointer; a part
 * without its own line (every part of a JSON Lines record) reports the line of its nearest
 * ancestor.
 */
public final class LocatedTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final String source;
  private final Map<String, Long> lines;
  private final long rootLine;

  private LocatedTree(JsonNode root, String source, Map<String, Long> lines, long rootLine) {
    this.root = Objects.requireNonNull(root, "root");
    this.source = Objects.requireNonNull(source, "source");
    this.lines = lines;
    this.rootLine = rootLine;
  }

  /** A tree whose every part is on one line, such as a record of a JSON Lines file. */
  public static LocatedTree onOneLine(JsonNode root, String source, long line) {
    return new LocatedTree(root, source, Map.of(), line);
  }

  /**
   * Reads the value whose first token is the parser's current token, recording the line of every
   * part. The parser is left on the value's last token, even when the value is rejected. A key
   * given twice in one object is an input error, since YAML and JSON readers would otherwise keep
   * only one of them silently.
   */
  public static LocatedTree read(JsonParser parser, String source) throws IOException {
    Map<String, Long> lines = new HashMap<>();
    List<InputException> problems = new ArrayList<>();
    long line = parser.currentTokenLocation().getLineNr();
    JsonNode root = readValue(parser, source, "", lines, problems);
    if (!problems.isEmpty()) {
      throw problems.getFirst();
    }
    return new LocatedTree(root, source, lines, line);
  }

  private static JsonNode readValue(JsonParser parser, String source, String pointer,
      Map<String, Long> lines, List<InputException> problems) throws IOException {
    lines.putIfAbsent(pointer, (long) parser.currentTokenLocation().getLineNr());
    JsonToken token = parser.currentToken();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(new InputException(source, parser.currentTokenLocation().getLineNr(), null,
          "uses the YAML alias *" + parser.getText() + "; aliases are not supported, repeat the "
              + "value (a JSON Schema can be given as a string)"));
      return NODES.nullNode();
    }
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          long keyLine = parser.currentTokenLocation().getLineNr();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          if (object.has(name)) {
            problems.add(new InputException(source, keyLine, null,
                "key \"" + name + "\" is given twice in one object"));
          }
          lines.putIfAbsent(child, keyLine);
          parser.nextToken();
          JsonNode value = readValue(parser, source, child, lines, problems);
          if (!object.has(name)) {
            object.set(name, value);
          }
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, source, pointer + "/" + array.size(), lines, problems));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> {
        problems.add(new InputException(source, parser.currentTokenLocation().getLineNr(), null,
            "holds a value of an unsupported kind: " + token));
        yield NODES.nullNode();
      }
    };
  }

  /** The value read. */
  public JsonNode root() {
    return root;
  }

  /** The name of the input, used in messages. */
  public String source() {
    return source;
  }

  /** The line of the part at {@code pointer}, or of its nearest ancestor with a known line. */
  public long lineOf(String pointer) {
    String at = pointer;
    while (true) {
      Long line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.isEmpty()) {
        return rootLine;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }
}
