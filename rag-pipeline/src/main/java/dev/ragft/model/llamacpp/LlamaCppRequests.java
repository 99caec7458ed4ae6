package dev.ragft.model.llamacpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.model.llamacpp.ChatTurn.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps LangChain4j requests onto an in-process model and its answers back. Every parameter is
 * either honoured or rejected with a message that names it: tools and non-text content are
 * rejected, and so is a request for another model.
 */
final class LlamaCppRequests {

  /** The schema used for JSON output without a schema: any JSON object. */
  static final String ANY_OBJECT = "{\"type\":\"object\"}";

  private LlamaCppRequests() {
  }

  /** A request turned into what the model needs. */
  record Prepared(String prompt, Sampling sampling) {
  }

  /** The prompt and sampling for a request, with {@code defaults} for what it leaves open. */
  static Prepared prepare(LlamaCppModel model, Sampling defaults, ChatRequest request) {
    ChatRequestParameters parameters = request.parameters();
    if (parameters.toolSpecifications() != null && !parameters.toolSpecifications().isEmpty()) {
      throw new RagftException("the llamacpp provider does not support tools, but the request"
          + " has " + parameters.toolSpecifications().size() + " tool specifications");
    }
    if (parameters.toolChoice() != null) {
      throw new RagftException("the llamacpp provider does not support tools, but the request"
          + " sets tool choice " + parameters.toolChoice());
    }
    if (parameters.modelName() != null && !parameters.modelName().equals(model.name())) {
      throw new RagftException("the request asks for model '" + parameters.modelName()
          + "', but this llamacpp model is '" + model.name() + "'");
    }
    return new Prepared(model.prompt(turns(request.messages())), sampling(parameters, defaults));
  }

  /** The conversation as chat turns; only text messages without tool calls are accepted. */
  static List<ChatTurn> turns(List<ChatMessage> messages) {
    List<ChatTurn> turns = new ArrayList<>();
    for (ChatMessage message : messages) {
      turns.add(switch (message) {
        case SystemMessage system -> new ChatTurn(Role.SYSTEM, system.text());
        case UserMessage user when user.hasSingleText() -> new ChatTurn(Role.USER,
            user.singleText());
        case UserMessage user -> throw new RagftException("the llamacpp provider takes only"
            + " text, but a user message has " + user.contents().size() + " parts or non-text"
            + " content");
        case AiMessage ai when ai.hasToolExecutionRequests() -> throw new RagftException(
            "the llamacpp provider does not support tools, but an AI message has tool calls");
        case AiMessage ai -> new ChatTurn(Role.ASSISTANT, ai.text() == null ? "" : ai.text());
        default -> throw new RagftException("the llamacpp provider does not support "
            + message.type() + " messages");
      });
    }
    return turns;
  }

  private static Sampling sampling(ChatRequestParameters parameters, Sampling defaults) {
    Sampling.Builder sampling = defaults.toBuilder();
    try {
      if (parameters.temperature() != null) {
        sampling.temperature(parameters.temperature());
      }
      if (parameters.topP() != null) {
        sampling.topP(parameters.topP());
      }
      if (parameters.topK() != null) {
        sampling.topK(parameters.topK());
      }
      if (parameters.frequencyPenalty() != null) {
        sampling.frequencyPenalty(parameters.frequencyPenalty());
      }
      if (parameters.presencePenalty() != null) {
        sampling.presencePenalty(parameters.presencePenalty());
      }
      if (parameters.maxOutputTokens() != null) {
        sampling.maxTokens(parameters.maxOutputTokens());
      }
      if (parameters.stopSequences() != null && !parameters.stopSequences().isEmpty()) {
        sampling.stop(parameters.stopSequences());
      }
      sampling.jsonSchema(schema(parameters.responseFormat()));
      if (parameters instanceof LlamaCppChatRequestParameters extra) {
        if (extra.seed() != null) {
          sampling.seed(extra.seed());
        }
        if (extra.minP() != null) {
          sampling.minP(extra.minP());
        }
        if (extra.repeatPenalty() != null) {
          sampling.repeatPenalty(extra.repeatPenalty());
        }
      }
      return sampling.build();
    } catch (IllegalArgumentException e) {
      throw new RagftException("invalid request: " + e.getMessage(), e);
    }
  }

  /** The JSON schema a response format asks for, or null for free text. */
  static String schema(ResponseFormat format) {
    if (format == null || format.type() == ResponseFormatType.TEXT) {
      return null;
    }
    if (format.jsonSchema() == null || format.jsonSchema().rootElement() == null) {
      return ANY_OBJECT;
    }
    try {
      return Json.mapper().writeValueAsString(
          JsonSchemaElementUtils.toMap(format.jsonSchema().rootElement()));
    } catch (JsonProcessingException e) {
      throw new RagftException("the response format's JSON schema cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** The LangChain4j response for a generation. */
  static ChatResponse response(LlamaCppModel model, Generation generation) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(generation.text()))
        .modelName(model.name())
        .tokenUsage(new TokenUsage(generation.promptTokens(), generation.completionTokens()))
        .finishReason(generation.finishReason())
        .build();
  }

  /** The request parameters that stand for {@code defaults}. */
  static LlamaCppChatRequestParameters defaults(LlamaCppModel model, Sampling defaults) {
    return LlamaCppChatRequestParameters.builder()
        .modelName(model.name())
        .temperature(defaults.temperature())
        .topP(defaults.topP())
        .topK(defaults.topK())
        .frequencyPenalty(defaults.frequencyPenalty())
        .presencePenalty(defaults.presencePenalty())
        .maxOutputTokens(defaults.maxTokens())
        .stopSequences(defaults.stop())
        .seed(defaults.seed())
        .minP(defaults.minP())
        .repeatPenalty(defaults.repeatPenalty())
        .build();
  }
}
