package dev.ragft.model.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one chat model over OpenAI's HTTP API (see the package description), on the JDK's own
 * HTTP server. Requests are handled by a small pool of named worker threads; the model runs one
 * generation at a time, so concurrent requests queue. {@link #close()} stops the server; it does
 * not close the model.
 */
public final class OpenAiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiServer.class);
  private static final int MAX_BODY = 16 << 20;

  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final String modelName;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService workers;
  private final AtomicLong ids = new AtomicLong();

  private OpenAiServer(ChatModel chat, StreamingChatModel streaming, String modelName,
      ServeConfig config, Clock clock) throws IOException {
    this.chat = Objects.requireNonNull(chat, "chat");
    this.streaming = Objects.requireNonNull(streaming, "streaming");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.clock = Objects.requireNonNull(clock, "clock");
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(config.workers(), task -> Thread.ofPlatform()
        .daemon().name("ragft-serve-" + count.incrementAndGet()).unstarted(task));
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    server.setExecutor(workers);
    server.createContext("/v1/models", exchange -> handle(exchange, this::models));
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, this::completions));
    server.createContext("/", exchange -> handle(exchange, e -> {
      throw new BadRequest(404, "invalid_request_error", "unknown endpoint "
          + e.getRequestURI().getPath() + "; this server has /v1/models and"
          + " /v1/chat/completions");
    }));
  }

  /**
   * Starts a server for a model.
   *
   * @param chat answers whole requests
   * @param streaming answers streamed requests
   * @param modelName the model id clients use
   * @param config where to listen
   */
  public static OpenAiServer start(ChatModel chat, StreamingChatModel streaming, String modelName,
      ServeConfig config) {
    try {
      OpenAiServer server = new OpenAiServer(chat, streaming, modelName, config,
          Clock.systemUTC());
      server.server.start();
      return server;
    } catch (IOException e) {
      throw new RagftException("cannot listen on " + config.host() + ":" + config.port() + ": "
          + e.getMessage(), e);
    }
  }

  /** The port the server listens on (the chosen one when the configuration said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL clients use, ending in {@code /v1}. */
  public URI baseUrl() {
    String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
        : server.getAddress().getHostString();
    return URI.create("http://" + host + ":" + port() + "/v1");
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private void handle(HttpExchange exchange, Handler handler) {
    try (exchange) {
      try {
        handler.handle(exchange);
      } catch (BadRequest e) {
        error(exchange, e.status(), e.type(), e.getMessage());
      } catch (RagftException | IllegalArgumentException e) {
        error(exchange, 400, "invalid_request_error", e.getMessage());
      } catch (UncheckedIOException e) {
        LOG.debug("client connection lost: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("request failed", e);
        error(exchange, 500, "server_error", "the model failed: " + e.getMessage());
      }
    } catch (IOException e) {
      LOG.debug("client connection lost: {}", e.getMessage());
    }
  }

  private void models(HttpExchange exchange) throws IOException {
    requireMethod(exchange, "GET");
    String path = exchange.getRequestURI().getPath();
    ObjectNode model = Json.mapper().createObjectNode().put("id", modelName)
        .put("object", "model").put("created", 0).put("owned_by", "ragft");
    if (path.equals("/v1/models") || path.equals("/v1/models/")) {
      ObjectNode list = Json.mapper().createObjectNode().put("object", "list");
      list.putArray("data").add(model);
      json(exchange, 200, list);
    } else if (path.equals("/v1/models/" + modelName)) {
      json(exchange, 200, model);
    } else {
      throw new BadRequest(404, "invalid_request_error", "the model '"
          + path.substring("/v1/models/".length()) + "' does not exist");
    }
  }

  private void completions(HttpExchange exchange) throws IOException {
    requireMethod(exchange, "POST");
    ChatCompletionRequest request = ChatCompletionRequest.parse(body(exchange), modelName);
    String id = "chatcmpl-ragft-" + ids.incrementAndGet();
    long created = clock.instant().getEpochSecond();
    if (request.stream()) {
      new EventStream(exchange, id, created, modelName).run(streaming, request);
      return;
    }
    ChatResponse response = chat.chat(request.chat());
    ObjectNode answer = Completions.header(id, "chat.completion", created, modelName);
    ArrayNode choices = answer.putArray("choices");
    ObjectNode choice = choices.addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content",
        response.aiMessage().text());
    choice.put("finish_reason", Completions.finishReason(response));
    answer.set("usage", Completions.usage(response));
    json(exchange, 200, answer);
  }

  private static void requireMethod(HttpExchange exchange, String method) {
    if (!exchange.getRequestMethod().equals(method)) {
      throw new BadRequest(405, "invalid_request_error", exchange.getRequestURI().getPath()
          + " takes " + method + ", not " + exchange.getRequestMethod());
    }
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new BadRequest(413, "invalid_request_error", "the request body is larger than "
            + MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("error").put("message", message).put("type", type).putNull("param")
        .putNull("code");
    json(exchange, status, body);
  }

  /** Stops listening, letting requests in progress finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdownNow();
  }
}
