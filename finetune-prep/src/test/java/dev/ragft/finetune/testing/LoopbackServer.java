package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on the loopback interface for protocol tests: routes by method and path
 * pattern, records every request it receives, and injects faults (an HTTP status, a hang until the
 * client times out, a dropped connection) ahead of a route's normal answer.
 */
public final class LoopbackServer implements AutoCloseable {

  /** A request as the server received it. */
  public record Request(String method, String path, String query,
      Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The query parameters, decoded, in order. */
    public Map<String, String> params() {
      Map<String, String> params = new LinkedHashMap<>();
      if (query != null && !query.isEmpty()) {
        for (String pair : query.split("&")) {
          int eq = pair.indexOf('=');
          String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
              StandardCharsets.UTF_8);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
              StandardCharsets.UTF_8);
          params.put(key, value);
        }
      }
      return params;
    }

    /** The multipart parts of the body. */
    public List<MultipartParser.Part> parts() {
      return MultipartParser.parse(header("Content-Type"), body);
    }
  }

  /** An answer. */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    /** A JSON answer. */
    public static Response json(int status, String json) {
      return new Response(status, Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON answer from a tree. */
    public static Response json(int status, JsonNode json) {
      return json(status, json.toString());
    }

    /** This answer with one more header. */
    public Response with(String name, String value) {
      Map<String, String> more = new TreeMap<>(headers);
      more.put(name, value);
      return new Response(status, more, body);
    }
  }

  /** What a route does with a request. */
  @FunctionalInterface
  public interface Handler {
    /** Answers a request; {@code path} matched the route's pattern. */
    Response handle(Request request, Matcher path);
  }

  /** A fault injected ahead of a route's normal answer. */
  public sealed interface Fault {
    /** Answers with this response instead of the route's. */
    record Answer(Response response) implements Fault { }

    /** Answers nothing until the server closes, so the client times out. */
    record Hang() implements Fault { }

    /** Closes the connection without an answer. */
    record Drop() implements Fault { }

    /** Lets the route answer, then replaces its answer with this one (the effect happened). */
    record AnswerAfter(Response response) implements Fault { }
  }

  private record Route(String method, Pattern path, Handler handler, Deque<Fault> faults) { }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new ArrayList<>();
  private final List<Request> requests = new ArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() {
    try {
      HttpServer http = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-http-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      LoopbackServer loopback = new LoopbackServer(http, executor);
      http.createContext("/", loopback::dispatch);
      http.setExecutor(executor);
      http.start();
      return loopback;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:12345}. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":"
        + address.getPort());
  }

  /** Adds a route; the first route whose method and path pattern match answers. */
  public synchronized void route(String method, String pathRegex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(pathRegex), handler, new ArrayDeque<>()));
  }

  /** Queues faults on the route with this method and pattern; each request consumes one. */
  public synchronized void fail(String method, String pathRegex, Fault... faults) {
    for (Route route : routes) {
      if (route.method().equals(method) && route.path().pattern().equals(pathRegex)) {
        route.faults().addAll(List.of(faults));
        return;
      }
    }
    throw new IllegalArgumentException("no route " + method + " " + pathRegex);
  }

  /** Every request received, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests received with this method whose path matches the pattern. */
  public synchronized List<Request> requests(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return requests.stream()
        .filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches())
        .toList();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Request request = new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
        Map.copyOf(exchange.getRequestHeaders()), body);
    Route route = null;
    Matcher matcher = null;
    Fault fault = null;
    synchronized (this) {
      requests.add(request);
      for (Route candidate : routes) {
        Matcher m = candidate.path().matcher(request.path());
        if (candidate.method().equals(request.method()) && m.matches()) {
          route = candidate;
          matcher = m;
          fault = candidate.faults().poll();
          break;
        }
      }
    }
    Response response;
    if (route == null) {
      response = Response.json(404, "{\"error\":{\"message\":\"no route for " + request.method()
          + " " + request.path() + "\"}}");
    } else if (fault instanceof Fault.Answer answer) {
      response = answer.response();
    } else if (fault instanceof Fault.Hang) {
      awaitClose();
      exchange.close();
      return;
    } else if (fault instanceof Fault.Drop) {
      exchange.close();
      return;
    } else {
      synchronized (this) {
        response = route.handler().handle(request, matcher);
      }
      if (fault instanceof Fault.AnswerAfter after) {
        response = after.response();
      }
    }
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(response.status(),
        response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private void awaitClose() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
