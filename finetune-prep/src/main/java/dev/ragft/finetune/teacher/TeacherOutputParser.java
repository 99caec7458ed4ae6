package dev.ragft.finetune.teacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a teacher's reply into question/answer pairs. Accepts one JSON object per line, or one
 * JSON array of objects, optionally inside a Markdown code fence; lines that do not start with
 * {@code {} (chatter such as "Here are the questions:") are ignored and counted. An object
 * without a non-empty {@code question} and {@code answer} is an {@link InputException} naming the
 * chunk, the line of the reply and the field.
 */
public final class TeacherOutputParser {

  /**
   * The pairs of one reply.
   *
   * @param pairs the pairs, in reply order
   * @param ignoredLines non-blank lines that held no JSON object
   */
  public record Parsed(List<QaPair> pairs, int ignoredLines) {

    /** Copies the list. */
    public Parsed {
      pairs = List.copyOf(pairs);
    }
  }

  private TeacherOutputParser() {
  }

  /** Parses the reply the teacher gave for {@code chunkId}. */
  public static Parsed parse(String chunkId, String reply) {
    String source = "teacher output for chunk " + chunkId;
    String[] lines = reply.split("\\R", -1);
    String trimmed = stripFence(reply).strip();
    if (trimmed.startsWith("[")) {
      JsonNode array = read(trimmed, source, 1);
      List<QaPair> pairs = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        pairs.add(pair(array.get(i), source, i + 1));
      }
      return new Parsed(pairs, 0);
    }
    List<QaPair> pairs = new ArrayList<>();
    int ignored = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("```")) {
        continue;
      }
      if (!line.startsWith("{")) {
        ignored++;
        continue;
      }
      pairs.add(pair(read(line, source, i + 1), source, i + 1));
    }
    if (pairs.isEmpty()) {
      throw new InputException(source, 0, null, "holds no question/answer object");
    }
    return new Parsed(pairs, ignored);
  }

  private static String stripFence(String reply) {
    String text = reply.strip();
    if (text.startsWith("```")) {
      int firstNewline = text.indexOf('\n');
      int lastFence = text.lastIndexOf("```");
      if (firstNewline > 0 && lastFence > firstNewline) {
        return text.substring(firstNewline + 1, lastFence);
      }
    }
    return text;
  }

  private static JsonNode read(String json, String source, int line) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputException(source, line, null, "is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static QaPair pair(JsonNode node, String source, int line) {
    if (!node.isObject()) {
      throw new InputException(source, line, null, "expected a JSON object");
    }
    String question = text(node, "question", source, line);
    String answer = text(node, "answer", source, line);
    return new QaPair(question, answer);
  }

  private static String text(JsonNode node, String field, String source, int line) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InputException(source, line, field, "is missing or empty");
    }
    return value.asText().strip();
  }
}
