package dev.ragft.model.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One streamed answer as server-sent events: a first chunk with the assistant role, one chunk
 * per piece of text, a last chunk with the finish reason, a usage chunk when the client asked
 * for one ({@code stream_options.include_usage}), then {@code data: [DONE]}. A failure after the
 * stream started is sent as an {@code error} event, since the status line is already out.
 */
final class EventStream {

  private final HttpExchange exchange;
  private final String id;
  private final long created;
  private final String model;
  private OutputStream out;

  EventStream(HttpExchange exchange, String id, long created, String model) {
    this.exchange = exchange;
    this.id = id;
    this.created = created;
    this.model = model;
  }

  /** Streams the answer to {@code request}, returning when the stream is complete. */
  void run(StreamingChatModel streaming, ChatCompletionRequest request) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    out = exchange.getResponseBody();
    send(chunk(Json.mapper().createObjectNode().put("role", "assistant").put("content", ""),
        null));
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streaming.chat(request.chat(), new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        send(chunk(Json.mapper().createObjectNode().put("content", text), null));
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      ChatResponse response = done.get();
      send(chunk(Json.mapper().createObjectNode(), Completions.finishReason(response)));
      if (request.includeUsage()) {
        ObjectNode usage = Completions.header(id, "chat.completion.chunk", created, model);
        usage.putArray("choices");
        usage.set("usage", Completions.usage(response));
        send(usage);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException lost) {
        throw lost;
      }
      ObjectNode error = Json.mapper().createObjectNode();
      error.putObject("error").put("message", String.valueOf(e.getCause().getMessage()))
          .put("type", "server_error");
      send(error);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    write("data: [DONE]\n\n");
    out.close();
  }

  private ObjectNode chunk(ObjectNode delta, String finishReason) {
    ObjectNode chunk = Completions.header(id, "chat.completion.chunk", created, model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk;
  }

  private void send(ObjectNode event) {
    try {
      write("data: " + Json.mapper().writeValueAsString(event) + "\n\n");
    } catch (IOException e) {
      throw new UncheckedIOException("the client closed the stream", e);
    }
  }

  private void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the client closed the stream", e);
    }
  }
}
