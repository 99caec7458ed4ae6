package dev.ragft.model.cache;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;

/**
 * One cached answer: what the model said and what it cost.
 *
 * @param text the answer's text
 * @param modelName the model name the provider reported, or null
 * @param inputTokens the prompt tokens, or null when the provider did not say
 * @param outputTokens the answer tokens, or null when the provider did not say
 * @param finishReason why the answer ended, or null when the provider did not say
 */
public record CachedResponse(String text, String modelName, Integer inputTokens,
    Integer outputTokens, FinishReason finishReason) {

  /** Validates the components. */
  public CachedResponse {
    Objects.requireNonNull(text, "text");
  }

  /** The cacheable part of a response; tool calls and thinking text are not cached. */
  public static CachedResponse of(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    String text = response.aiMessage().text();
    return new CachedResponse(text == null ? "" : text, response.modelName(),
        usage == null ? null : usage.inputTokenCount(),
        usage == null ? null : usage.outputTokenCount(), response.finishReason());
  }

  /** The response as LangChain4j gives it. */
  public ChatResponse toResponse() {
    ChatResponse.Builder builder = ChatResponse.builder().aiMessage(AiMessage.from(text))
        .modelName(modelName).finishReason(finishReason);
    if (inputTokens != null || outputTokens != null) {
      builder.tokenUsage(new TokenUsage(inputTokens, outputTokens));
    }
    return builder.build();
  }
}
