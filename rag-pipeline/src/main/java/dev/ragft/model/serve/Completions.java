package dev.ragft.model.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragft.common.Json;

/** The parts of OpenAI's completion objects that whole and streamed answers share. */
final class Completions {

  private Completions() {
  }

  /** The fields every completion object starts with. */
  static ObjectNode header(String id, String object, long created, String model) {
    return Json.mapper().createObjectNode().put("id", id).put("object", object)
        .put("created", created).put("model", model);
  }

  /** OpenAI's name for why an answer ended. */
  static String finishReason(ChatResponse response) {
    return response.finishReason() == FinishReason.LENGTH ? "length" : "stop";
  }

  /** The usage object: prompt, completion and total tokens. */
  static ObjectNode usage(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    int completion = usage == null || usage.outputTokenCount() == null ? 0
        : usage.outputTokenCount();
    return Json.mapper().createObjectNode().put("prompt_tokens", prompt)
        .put("completion_tokens", completion).put("total_tokens", prompt + completion);
  }
}
