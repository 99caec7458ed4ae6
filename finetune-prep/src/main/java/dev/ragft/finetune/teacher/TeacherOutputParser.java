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
 * {@code {} (chatter such as "Here are the questions:") are ignored and counted. A teacher's
 * reply is data, not configuration, so nothing in it stops a build: an object that is not valid
 * JSON, or lacks a non-empty {@code question} or {@code answer}, is recorded as a problem naming
 * the chunk, the line of the reply and the field (in {@link InputException}'s form), and a reply
 * with no pair at all has the problem "holds no question/answer object". The same reply always
 * gives the same pairs and problems.
 */
public final class TeacherOutputParser {

  /**
   * The pairs of one reply.
   *
   * @param pairs the pairs, in reply order
   * @param ignoredLines non-blank lines that held no JSON object
   * @param problems what could not be used, one sentence each, in reply order
   */
  public record Parsed(List<QaPair> pairs, int ignoredLines, List<String> problems) {

    /** Copies the lists. */
    public Parsed {
      pairs = List.copyOf(pairs);
      problems = List.copyOf(problems);
    }
  }

  private TeacherOutputParser() {
  }

  /** Parses the reply the teacher gave for {@code chunkId}. */
  public static Parsed parse(String chunkId, String reply) {
    String source = "teacher output for chunk " + chunkId;
    List<QaPair> pairs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int ignored = 0;
    String trimmed = stripFence(reply).strip();
    if (trimmed.startsWith("[")) {
      try {
        JsonNode array = read(trimmed, source, 1);
        for (int i = 0; i < array.size(); i++) {
          add(pairs, problems, array.get(i), source, i + 1);
        }
      } catch (InputException e) {
        problems.add(e.getMessage());
      }
    } else {
      String[] lines = reply.split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("```")) {
          continue;
        }
        if (!line.startsWith("{")) {
          ignored++;
          continue;
        }
        try {
          add(pairs, problems, read(line, source, i + 1), source, i + 1);
        } catch (InputException e) {
          problems.add(e.getMessage());
        }
      }
    }
    if (pairs.isEmpty() && problems.isEmpty()) {
      problems.add(InputException.format(source, 0, null, "holds no question/answer object"));
    }
    return new Parsed(pairs, ignored, problems);
  }

  private static void add(List<QaPair> pairs, List<String> problems, JsonNode node,
      String source, int line) {
    try {
      pairs.add(pair(node, source, line));
    } catch (InputException e) {
      problems.add(e.getMessage());
    }
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
