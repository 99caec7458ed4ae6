package dev.ragft.datasets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One part of a {@link LocatedTree} with typed access: every wrong type, missing field or unknown
 * field becomes an {@link InputException} that names the file, the line and the field's path
 * (for example {@code required_facts[1].pattern}).
 */
public final class Node {

  private final LocatedTree tree;
  private final JsonNode json;
  private final String pointer;
  private final String path;

  private Node(LocatedTree tree, JsonNode json, String pointer, String path) {
    this.tree = tree;
    this.json = json;
    this.pointer = pointer;
    this.path = path;
  }

  /** The root of a tree. */
  public static Node root(LocatedTree tree) {
    return new Node(tree, tree.root(), "", "");
  }

  /** The root of a tree that is itself a part of a larger input, addressed as {@code path}. */
  public static Node root(LocatedTree tree, String path) {
    return new Node(tree, tree.root(), "", path);
  }

  /** The JSON value. */
  public JsonNode json() {
    return json;
  }

  /** The path of this part as shown in messages; empty for the root. */
  public String path() {
    return path;
  }

  /** The line this part starts on. */
  public long line() {
    return tree.lineOf(pointer);
  }

  /** The name of the input, used in messages. */
  public String source() {
    return tree.source();
  }

  /** An input error about this part. */
  public InputException error(String problem) {
    return new InputException(tree.source(), line(), path.isEmpty() ? null : path, problem);
  }

  /** An input error about this part, with its cause. */
  public InputException error(String problem, Throwable cause) {
    return new InputException(tree.source(), line(), path.isEmpty() ? null : path, problem, cause);
  }

  /** Checks that this part is an object whose keys are all among {@code known}. */
  public Node requireObject(Collection<String> known) {
    if (!json.isObject()) {
      throw error("must be an object, but is: " + kind(json));
    }
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw field(name).error("is not a known field; the known fields are: "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
    return this;
  }

  /** The field {@code name} of this object, present or not; a JSON null counts as absent. */
  public Optional<Node> opt(String name) {
    JsonNode child = json.get(name);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(field(name));
  }

  /** The field {@code name} of this object; an input error when absent. */
  public Node require(String name) {
    return opt(name).orElseThrow(() -> field(name).error("is missing"));
  }

  /** An input error about the field {@code name} of this object, present or not. */
  public InputException errorAt(String name, String problem) {
    return field(name).error(problem);
  }

  private Node field(String name) {
    String childPointer = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    String childPath = path.isEmpty() ? name : path + "." + name;
    JsonNode child = json.get(name);
    return new Node(tree, child == null ? json : child, childPointer, childPath);
  }

  /** The items of this array, each addressed as {@code path[i]}. */
  public List<Node> items() {
    if (!json.isArray()) {
      throw error("must be a list, but is: " + kind(json));
    }
    List<Node> items = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      items.add(new Node(tree, json.get(i), pointer + "/" + i, path + "[" + i + "]"));
    }
    return items;
  }

  /** This part as text; a number or boolean is given as its text. Blank text is an error. */
  public String text() {
    if (!json.isTextual() && !json.isNumber() && !json.isBoolean()) {
      throw error("must be a string, but is: " + kind(json));
    }
    String text = json.asText();
    if (text.isBlank()) {
      throw error("must not be blank");
    }
    return text;
  }

  /** This part as a boolean. */
  public boolean bool() {
    if (!json.isBoolean()) {
      throw error("must be true or false, but is: " + kind(json));
    }
    return json.booleanValue();
  }

  /** This part as a positive int. */
  public int positiveInt() {
    if (!json.canConvertToInt() || !json.isIntegralNumber()) {
      throw error("must be a whole number, but is: " + kind(json));
    }
    int value = json.intValue();
    if (value <= 0) {
      throw error("must be > 0, but is: " + value);
    }
    return value;
  }

  /** This list of strings, each checked with {@link #text()} and none repeated. */
  public List<String> uniqueTexts() {
    List<String> texts = new ArrayList<>();
    for (Node item : items()) {
      String text = item.text();
      if (texts.contains(text)) {
        throw item.error("repeats \"" + text + "\"");
      }
      texts.add(text);
    }
    return texts;
  }

  /** The kind of a JSON value as named in messages: object, array, string, number, boolean. */
  public static String kind(JsonNode node) {
    return node == null ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
