package dev.ragft.model.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.ragft.common.Json;
import dev.ragft.model.llamacpp.LlamaCppChatRequestParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ollama's chat API ({@code POST /api/chat}, whole or as JSON lines) on loopback, answered by a
 * real in-process model. Ollama itself cannot run here; this speaks its protocol with a real
 * model behind it and records the requests clients send.
 */
final class OllamaProtocolServer implements AutoCloseable {

  private final HttpServer server;
  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());

  OllamaProtocolServer(ChatModel chat, StreamingChatModel streaming) throws IOException {
    this.chat = chat;
    this.streaming = streaming;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/chat", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
      requests.add(body);
      List<ChatMessage> messages = new ArrayList<>();
      for (JsonNode message : body.get("messages")) {
        String text = message.get("content").asText();
        messages.add(switch (message.get("role").asText()) {
          case "system" -> SystemMessage.from(text);
          case "assistant" -> AiMessage.from(text);
          default -> UserMessage.from(text);
        });
      }
      JsonNode options = body.path("options");
      LlamaCppChatRequestParameters.Builder parameters = LlamaCppChatRequestParameters.builder();
      if (options.has("temperature")) {
        parameters.temperature(options.get("temperature").asDouble());
      }
      if (options.has("seed")) {
        parameters.seed(options.get("seed").asInt());
      }
      if (options.has("num_predict")) {
        parameters.maxOutputTokens(options.get("num_predict").asInt());
      }
      ChatRequest request = ChatRequest.builder().messages(messages)
          .parameters(parameters.build()).build();
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      String model = body.get("model").asText();
      if (body.path("stream").asBoolean(true)) {
        streaming.chat(request, new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String text) {
            ObjectNode line = Json.mapper().createObjectNode().put("model", model)
                .put("created_at", "2026-01-01T00:00:00Z").put("done", false);
            line.putObject("message").put("role", "assistant").put("content", text);
            write(out, line);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            write(out, last(model, response, ""));
          }

          @Override
          public void onError(Throwable error) {
            throw new IllegalStateException(error);
          }
        });
      } else {
        ChatResponse response = chat.chat(request);
        write(out, last(model, response, response.aiMessage().text()));
      }
    }
  }

  private static ObjectNode last(String model, ChatResponse response, String content) {
    ObjectNode line = Json.mapper().createObjectNode().put("model", model)
        .put("created_at", "2026-01-01T00:00:00Z").put("done", true)
        .put("done_reason", response.finishReason() == FinishReason.LENGTH ? "length" : "stop")
        .put("prompt_eval_count", response.tokenUsage().inputTokenCount())
        .put("eval_count", response.tokenUsage().outputTokenCount());
    line.putObject("message").put("role", "assistant").put("content", content);
    return line;
  }

  private static void write(OutputStream out, ObjectNode line) {
    try {
      out.write((Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
