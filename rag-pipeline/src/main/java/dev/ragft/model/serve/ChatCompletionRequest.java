package dev.ragft.model.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.ragft.common.Json;
import dev.ragft.model.llamacpp.LlamaCppChatRequestParameters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An OpenAI chat completion request, read strictly: every field is either honoured or refused
 * with a message naming it. A few fields that carry no meaning for generation ({@code user},
 * {@code n} of 1, {@code logprobs} of false) are accepted.
 *
 * @param chat the request as LangChain4j sees it
 * @param stream whether to answer with server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk
 */
record ChatCompletionRequest(ChatRequest chat, boolean stream, boolean includeUsage) {

  private static final Set<String> FIELDS = Set.of("model", "messages", "temperature", "top_p",
      "top_k", "min_p", "repeat_penalty", "max_tokens", "max_completion_tokens", "stop", "seed",
      "stream", "stream_options", "response_format", "frequency_penalty", "presence_penalty",
      "n", "user", "logprobs");

  /** Parses a request body for the model called {@code served}. */
  static ChatCompletionRequest parse(String body, String served) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw BadRequest.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw BadRequest.invalid("the request body must be a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw BadRequest.invalid("unsupported parameter: " + name + " (this server runs a local"
            + " model without tools, images or log probabilities)");
      }
    }
    String model = json.path("model").asText(served);
    if (!model.equals(served)) {
      throw new BadRequest(404, "invalid_request_error", "the model '" + model
          + "' does not exist; this server serves '" + served + "'");
    }
    if (json.has("n") && json.get("n").asInt() != 1) {
      throw BadRequest.invalid("n must be 1: this server returns one choice");
    }
    if (json.path("logprobs").asBoolean(false)) {
      throw BadRequest.invalid("logprobs are not supported by this server");
    }
    LlamaCppChatRequestParameters.Builder parameters = LlamaCppChatRequestParameters.builder()
        .modelName(served)
        .temperature(number(json, "temperature"))
        .topP(number(json, "top_p"))
        .topK(integer(json, "top_k"))
        .minP(number(json, "min_p"))
        .repeatPenalty(number(json, "repeat_penalty"))
        .frequencyPenalty(number(json, "frequency_penalty"))
        .presencePenalty(number(json, "presence_penalty"))
        .maxOutputTokens(json.has("max_completion_tokens") ? integer(json,
            "max_completion_tokens") : integer(json, "max_tokens"))
        .seed(integer(json, "seed"))
        .stopSequences(stops(json.get("stop")))
        .responseFormat(responseFormat(json.get("response_format")));
    ChatRequest chat = ChatRequest.builder().messages(messages(json.get("messages")))
        .parameters(parameters.build()).build();
    boolean stream = json.path("stream").asBoolean(false);
    boolean usage = json.path("stream_options").path("include_usage").asBoolean(false);
    return new ChatCompletionRequest(chat, stream, usage);
  }

  private static List<ChatMessage> messages(JsonNode messages) {
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw BadRequest.invalid("messages must be a non-empty array");
    }
    List<ChatMessage> result = new ArrayList<>();
    for (JsonNode message : messages) {
      for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("role") && !name.equals("content")) {
          throw BadRequest.invalid("unsupported message field: " + name);
        }
      }
      String role = message.path("role").asText("");
      String text = text(message.get("content"), role);
      result.add(switch (role) {
        case "system", "developer" -> SystemMessage.from(text);
        case "user" -> UserMessage.from(text);
        case "assistant" -> AiMessage.from(text);
        default -> throw BadRequest.invalid("unsupported message role: '" + role + "'");
      });
    }
    return result;
  }

  private static String text(JsonNode content, String role) {
    if (content != null && content.isTextual()) {
      return content.asText();
    }
    if (content != null && content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (!"text".equals(part.path("type").asText())) {
          throw BadRequest.invalid("only text content is supported, but a " + role
              + " message has a part of type '" + part.path("type").asText() + "'");
        }
        text.append(part.path("text").asText());
      }
      return text.toString();
    }
    throw BadRequest.invalid("a " + role + " message must have text content");
  }

  private static List<String> stops(JsonNode stop) {
    if (stop == null || stop.isNull()) {
      return null;
    }
    if (stop.isTextual()) {
      return List.of(stop.asText());
    }
    List<String> stops = new ArrayList<>();
    stop.forEach(item -> stops.add(item.asText()));
    return stops;
  }

  private static ResponseFormat responseFormat(JsonNode format) {
    if (format == null || format.isNull()) {
      return null;
    }
    return switch (format.path("type").asText()) {
      case "text" -> ResponseFormat.TEXT;
      case "json_object" -> ResponseFormat.JSON;
      case "json_schema" -> {
        JsonNode schema = format.path("json_schema").get("schema");
        if (schema == null || !schema.isObject()) {
          throw BadRequest.invalid("response_format.json_schema.schema must be a JSON object");
        }
        yield ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(
            JsonSchema.builder().name(format.path("json_schema").path("name").asText("schema"))
                .rootElement(JsonRawSchema.from(schema.toString())).build()).build();
      }
      default -> throw BadRequest.invalid("unsupported response_format type: '"
          + format.path("type").asText() + "'");
    };
  }

  private static Double number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw BadRequest.invalid(field + " must be a number");
    }
    return value.asDouble();
  }

  private static Integer integer(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()) {
      throw BadRequest.invalid(field + " must be an integer");
    }
    return value.asInt();
  }
}
