package dev.ragft.datasets.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes the two OpenAI chat training formats: chat JSONL
 * ({@code {"messages": [{"role": ..., "content": ...}, ...]}}) and DPO JSONL
 * ({@code {"input": {"messages": [...]}, "preferred_output": [assistant message],
 * "non_preferred_output": [assistant message]}}). Reading is strict: unknown fields, bad roles and
 * bad turn orders are input errors naming file, line and field, handled by the {@link OnError}
 * policy.
 */
public final class ChatJsonl {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> MESSAGE = List.of("role", "content");

  private ChatJsonl() {
  }

  /** Reads every training example of a chat JSONL stream. */
  public static List<ChatExample> readExamples(InputStream in, String source, OnError onError,
      InputProblems problems) {
    try (JsonlReader reader = new JsonlReader(in, source, onError, problems);
         Stream<ChatExample> examples = reader.map(ChatJsonl::example)) {
      return examples.toList();
    }
  }

  /** Reads every preference pair of a DPO JSONL stream. */
  public static List<PreferencePair> readPreferencePairs(InputStream in, String source,
      OnError onError, InputProblems problems) {
    try (JsonlReader reader = new JsonlReader(in, source, onError, problems);
         Stream<PreferencePair> pairs = reader.map(ChatJsonl::pair)) {
      return pairs.toList();
    }
  }

  private static ChatExample example(JsonLine line) {
    Node root = Node.root(LocatedTree.onOneLine(line.json(), line.source(), line.line()));
    root.requireObject(List.of("messages"));
    Node list = root.require("messages");
    List<ChatMessage> messages = messages(list);
    if (messages.size() < 2) {
      throw list.error("must hold a prompt and a reply, but holds only one message");
    }
    Role last = messages.getLast().role();
    if (last != Role.ASSISTANT) {
      throw list.error("must end with the assistant's reply, but ends with a " + last.wireName()
          + " message");
    }
    ChatTurns.promptProblem(messages.subList(0, messages.size() - 1)).ifPresent(problem -> {
      throw list.error(problem);
    });
    return new ChatExample(messages);
  }

  private static PreferencePair pair(JsonLine line) {
    Node root = Node.root(LocatedTree.onOneLine(line.json(), line.source(), line.line()));
    root.requireObject(List.of("input", "preferred_output", "non_preferred_output"));
    Node input = root.require("input").requireObject(List.of("messages"));
    Node list = input.require("messages");
    List<ChatMessage> prompt = messages(list);
    ChatTurns.promptProblem(prompt).ifPresent(problem -> {
      throw list.error(problem);
    });
    ChatMessage preferred = output(root.require("preferred_output"));
    ChatMessage rejected = output(root.require("non_preferred_output"));
    try {
      return new PreferencePair(prompt, preferred, rejected);
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage(), e);
    }
  }

  private static ChatMessage output(Node list) {
    List<ChatMessage> messages = messages(list);
    if (messages.size() != 1 || messages.getFirst().role() != Role.ASSISTANT) {
      throw list.error("must hold exactly one assistant message");
    }
    return messages.getFirst();
  }

  private static List<ChatMessage> messages(Node list) {
    List<ChatMessage> messages = new ArrayList<>();
    for (Node item : list.items()) {
      item.requireObject(MESSAGE);
      Node roleNode = item.require("role");
      Role role = Role.fromWireName(roleNode.text()).orElseThrow(() -> roleNode.error(
          "must be system, user or assistant, but is: \"" + roleNode.json().asText() + "\""));
      messages.add(new ChatMessage(role, item.require("content").text()));
    }
    if (messages.isEmpty()) {
      throw list.error("must hold at least one message");
    }
    return messages;
  }

  /** The chat JSONL object of a training example. */
  public static ObjectNode toJson(ChatExample example) {
    ObjectNode json = NODES.objectNode();
    json.set("messages", array(example.messages()));
    return json;
  }

  /** The DPO JSONL object of a preference pair. */
  public static ObjectNode toJson(PreferencePair pair) {
    ObjectNode json = NODES.objectNode();
    json.putObject("input").set("messages", array(pair.input()));
    json.set("preferred_output", array(List.of(pair.preferred())));
    json.set("non_preferred_output", array(List.of(pair.nonPreferred())));
    return json;
  }

  private static ArrayNode array(List<ChatMessage> messages) {
    ArrayNode array = NODES.arrayNode();
    for (ChatMessage message : messages) {
      array.addObject().put("role", message.role().wireName()).put("content", message.content());
    }
    return array;
  }
}
