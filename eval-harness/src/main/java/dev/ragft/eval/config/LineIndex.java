package dev.ragft.eval.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line each part of a YAML or JSON text starts on, by JSON Pointer, so that a problem found
 * after the text is bound to values can still be reported at its line.
 */
final class LineIndex {

  private final Map<String, Integer> lines;

  private LineIndex(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /**
   * Indexes {@code text} (YAML, of which JSON is a subset); a text that does not parse gives an
   * empty index.
   */
  static LineIndex of(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      Deque<Object> path = new ArrayDeque<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
          case FIELD_NAME -> {
            path.pop();
            path.push(parser.currentName());
            lines.putIfAbsent(pointer(path), line);
          }
          case START_OBJECT, START_ARRAY -> {
            advance(path, lines, line);
            path.push(token == JsonToken.START_OBJECT ? "" : -1);
          }
          case END_OBJECT, END_ARRAY -> path.pop();
          default -> advance(path, lines, line);
        }
      }
    } catch (IOException e) {
      return new LineIndex(Map.of());
    }
    return new LineIndex(lines);
  }

  private static void advance(Deque<Object> path, Map<String, Integer> lines, int line) {
    if (!path.isEmpty() && path.peek() instanceof Integer index) {
      path.pop();
      path.push(index + 1);
      lines.putIfAbsent(pointer(path), line);
    }
  }

  private static String pointer(Deque<Object> path) {
    StringBuilder pointer = new StringBuilder();
    path.descendingIterator().forEachRemaining(part -> pointer.append('/').append(
        part.toString().replace("~", "~0").replace("/", "~1")));
    return pointer.toString();
  }

  /**
   * The line of the part at {@code pointer}, or of its nearest ancestor with a known line; 0 when
   * none is known.
   */
  long lineOf(String pointer) {
    String at = pointer;
    while (true) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.isEmpty()) {
        return 0;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  /** The JSON Pointer of the part a Jackson binding problem points at. */
  static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer.append('/');
      pointer.append(reference.getFieldName() != null
          ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
          : String.valueOf(reference.getIndex()));
    }
    return pointer.toString();
  }

  /** The path of a pointer as messages show it: {@code setups[2].model}. */
  static String path(String pointer) {
    StringBuilder path = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(name);
      }
    }
    return path.toString();
  }
}
