package dev.ragft.datasets.scenario.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.chat.PreferencePair;
import dev.ragft.datasets.scenario.DocumentText;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the behaviour training data from its sources: each source becomes one chat example whose
 * reply is the JSON the support rules ask for; every third example also becomes a preference pair
 * whose non-preferred reply breaks one rule (the rule broken rotates, so every kind of failure is
 * represented).
 */
final class TrainingBuilder {

  /** A built example with the source entry's action, for the pairs. */
  record Built(ChatExample example, String action, ObjectNode reply) {
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Facts facts;
  private final DocumentSet documents;
  private final String systemPrompt;

  TrainingBuilder(Facts facts, DocumentSet documents, String systemPrompt) {
    this.facts = facts;
    this.documents = documents;
    this.systemPrompt = systemPrompt;
  }

  Built build(JsonNode source, String defaultAction, String where) {
    String action = source.path("action").asText(defaultAction);
    String question = source.get("user").asText();
    Set<String> contextDocs = new LinkedHashSet<>();
    StringBuilder user = new StringBuilder();
    if (source.has("context")) {
      user.append("Context:\n");
      for (JsonNode passage : source.get("context")) {
        String doc = passage.get("doc").asText();
        String text = Templates.render(passage.get("text").asText(), Facts.V1, facts, where);
        String visible = documents.require(Facts.V1, doc, where).visibleText();
        if (!visible.contains(DocumentText.normalize(text))) {
          throw new IllegalArgumentException(where + ": the context passage is not in " + doc
              + ": " + text);
        }
        user.append('[').append(doc).append("] ").append(text).append('\n');
        contextDocs.add(doc);
      }
      user.append("\nQuestion: ").append(question);
    } else {
      user.append(question);
    }
    ObjectNode reply = NODES.objectNode();
    reply.put("action", action);
    if (action.equals("escalate")) {
      reply.put("escalate_to", source.get("to").asText());
    }
    reply.put("answer", Templates.render(source.get("answer").asText(), Facts.V1, facts, where));
    List<String> sources = new ArrayList<>();
    if (source.has("sources")) {
      source.get("sources").forEach(doc -> sources.add(doc.asText()));
    } else if (!action.equals("refuse")) {
      sources.addAll(contextDocs);
    }
    sources.forEach(reply.putArray("sources")::add);
    ChatExample example = new ChatExample(List.of(ChatMessage.system(systemPrompt),
        ChatMessage.user(user.toString()), ChatMessage.assistant(json(reply))));
    return new Built(example, action, reply);
  }

  /** A preference pair for the {@code n}-th pair: the built reply against one that breaks a rule. */
  static PreferencePair pair(Built built, int n) {
    String answer = built.reply().get("answer").asText();
    String worse = switch (n % 4) {
      case 0 -> "Hi there! " + answer + " Let me know if there is anything else I can do!";
      case 1 -> {
        ObjectNode reply = built.reply().deepCopy();
        reply.put("answer", "Unfortunately, " + lowerFirst(answer)
            + " We apologize for any inconvenience.");
        yield json(reply);
      }
      case 2 -> json(wrongAction(built));
      default -> {
        ObjectNode reply = NODES.objectNode();
        reply.put("reply", answer);
        yield json(reply);
      }
    };
    List<ChatMessage> messages = built.example().messages();
    return new PreferencePair(messages.subList(0, messages.size() - 1),
        built.example().reply(), ChatMessage.assistant(worse));
  }

  private static ObjectNode wrongAction(Built built) {
    ObjectNode reply = NODES.objectNode();
    switch (built.action()) {
      case "escalate" -> {
        reply.put("action", "answer");
        reply.put("answer", "You can sort this out yourself from Settings; there is no need to "
            + "involve anyone else.");
      }
      case "refuse" -> {
        reply.put("action", "answer");
        reply.put("answer", "Sure! Here is what you asked for, as best as I can manage.");
      }
      default -> {
        reply.put("action", "escalate");
        reply.put("escalate_to", "technical");
        reply.put("answer", "We have passed this to our engineers, who will be in touch.");
      }
    }
    reply.putArray("sources");
    return reply;
  }

  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  static String json(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
