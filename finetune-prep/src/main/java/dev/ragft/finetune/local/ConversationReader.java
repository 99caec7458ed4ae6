package dev.ragft.finetune.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads training conversations from JSON Lines in the chat format OpenAI fine-tuning uses, one
 * {@code {"messages": [{"role": "user", "content": "…"}, {"role": "assistant", "content": "…"}]}}
 * per line. A bad line is an {@link dev.ragft.common.InputException} naming the file, line and
 * field, handled by the {@link OnError} policy.
 */
public final class ConversationReader {

  private ConversationReader() {
  }

  /** Reads every conversation of the file. */
  public static List<Conversation> read(Path file, OnError onError, InputProblems problems) {
    try (JsonlReader reader = JsonlReader.open(file, onError, problems);
        Stream<Conversation> conversations = reader.map(ConversationReader::parse)) {
      return conversations.toList();
    }
  }

  /** Parses one line. */
  static Conversation parse(JsonLine line) {
    JsonNode messages = line.json().get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw line.error("messages", "must be a non-empty array of {role, content} objects");
    }
    List<ChatMessage> parsed = new ArrayList<>();
    boolean assistant = false;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      String field = "messages[" + i + "]";
      JsonNode role = message.get("role");
      JsonNode content = message.get("content");
      if (role == null || !role.isTextual() || !ChatMessage.ROLES.contains(role.asText())) {
        throw line.error(field + ".role", "must be system, user or assistant");
      }
      if (content == null || !content.isTextual()) {
        throw line.error(field + ".content", "must be a string");
      }
      parsed.add(new ChatMessage(role.asText(), content.asText()));
      assistant |= role.asText().equals("assistant");
    }
    if (!assistant) {
      throw line.error("messages", "has no assistant message to train on");
    }
    return new Conversation(parsed);
  }
}
