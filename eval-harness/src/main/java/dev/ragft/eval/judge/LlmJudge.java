package dev.ragft.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.ragft.eval.score.FormatScorer;
import java.util.Objects;
import java.util.Optional;

/**
 * An LLM judge of correctness and faithfulness over any LangChain4j {@link ChatModel}: it shows
 * the model the question, the reference and required facts, the context and the reply, asks for
 * one JSON object {@code {"correct": bool, "faithful": bool, "reason": text}} (as a JSON response
 * format, so local models are grammar-constrained), at temperature 0. An answer that is not that
 * object gives an unreadable verdict, never an exception. Thread-safe when the model is.
 */
public final class LlmJudge {

  /** The schema the judge's answer must follow. */
  public static final String ANSWER_SCHEMA = "{\"type\":\"object\",\"properties\":{"
      + "\"correct\":{\"type\":\"boolean\"},\"faithful\":{\"type\":\"boolean\"},"
      + "\"reason\":{\"type\":\"string\",\"maxLength\":300}},"
      + "\"required\":[\"correct\",\"faithful\",\"reason\"],\"additionalProperties\":false}";

  private static final String SYSTEM = "You grade answers of a support assistant. Judge only"
      + " what you are shown. An answer is correct when it states the facts a correct answer"
      + " states (the reference and required facts say which) and claims nothing false. It is"
      + " faithful when every claim it makes is supported by the context passages (when there"
      + " is no context, answer faithful: true). Reply with one JSON object: {\"correct\": true"
      + " or false, \"faithful\": true or false, \"reason\": one short sentence}.";

  private final ChatModel model;
  private final int maxTokens;

  /** A judge that asks {@code model}, allowing it {@code maxTokens} tokens per answer. */
  public LlmJudge(ChatModel model, int maxTokens) {
    this.model = Objects.requireNonNull(model, "model");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens must be >= 1, but is: " + maxTokens);
    }
    this.maxTokens = maxTokens;
  }

  /** The request the judge sends for {@code input}. */
  public ChatRequest request(JudgeInput input) {
    StringBuilder text = new StringBuilder();
    text.append("Question:\n").append(input.question()).append("\n\n");
    input.reference().ifPresent(ref -> text.append("Reference answer:\n").append(ref)
        .append("\n\n"));
    if (!input.facts().isEmpty()) {
      text.append("Required facts:\n");
      input.facts().forEach(fact -> text.append("- ").append(fact).append('\n'));
      text.append('\n');
    }
    if (input.context().isEmpty()) {
      text.append("Context: none\n\n");
    } else {
      text.append("Context:\n");
      input.context().forEach(passage -> text.append(passage).append('\n'));
      text.append('\n');
    }
    text.append("Answer to grade:\n").append(input.reply());
    return ChatRequest.builder()
        .messages(SystemMessage.from(SYSTEM), UserMessage.from(text.toString()))
        .temperature(0.0)
        .maxOutputTokens(maxTokens)
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("grade")
                .rootElement(JsonRawSchema.from(ANSWER_SCHEMA)).build())
            .build())
        .build();
  }

  /** Asks the model about {@code input} and reads its answer. */
  public JudgeVerdict judge(JudgeInput input) {
    String answer = model.chat(request(input)).aiMessage().text();
    return read(answer == null ? "" : answer, !input.context().isEmpty());
  }

  /**
   * Reads a judge's answer; {@code withContext} says whether faithfulness applies.
   */
  public static JudgeVerdict read(String answer, boolean withContext) {
    Optional<JsonNode> json = FormatScorer.json(answer);
    if (json.isEmpty() || !json.get().isObject() || !json.get().path("correct").isBoolean()) {
      String shown = answer.replaceAll("\\s+", " ").strip();
      return new JudgeVerdict(Optional.empty(), Optional.empty(),
          "the judge's answer is not the JSON object asked for: \""
              + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "\"");
    }
    JsonNode node = json.get();
    Optional<Boolean> faithful = withContext && node.path("faithful").isBoolean()
        ? Optional.of(node.get("faithful").booleanValue()) : Optional.empty();
    String reason = node.path("reason").isTextual()
        ? node.get("reason").asText().replaceAll("\\s+", " ").strip() : "";
    return new JudgeVerdict(Optional.of(node.get("correct").booleanValue()), faithful, reason);
  }
}
