package dev.ragft.model.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real HTTP proxy on loopback in front of a real server, which answers the next requests with
 * a chosen failure before it lets requests through, and records what clients sent.
 */
final class FlakyProxy implements AutoCloseable {

  private final HttpServer server;
  private final URI target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private int failures;
  private int status;
  private String failureBody;

  FlakyProxy(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The proxy's base URL, standing for the target's. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getPath());
  }

  /** Answers the next {@code count} requests with {@code status} and {@code body}. */
  synchronized void failNext(int count, int status, String body) {
    this.failures = count;
    this.status = status;
    this.failureBody = body;
  }

  /** The Authorization header of every request ("-" when absent). */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "-" : authorization);
      byte[] body = exchange.getRequestBody().readAllBytes();
      synchronized (this) {
        if (failures > 0) {
          failures--;
          byte[] answer = failureBody.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          return;
        }
      }
      URI forward = URI.create("http://" + target.getAuthority()
          + exchange.getRequestURI().getPath());
      HttpResponse<InputStream> response;
      try {
        response = client.send(HttpRequest.newBuilder(forward)
            .header("Content-Type", "application/json")
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
            .build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      response.headers().firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      exchange.sendResponseHeaders(response.statusCode(), 0);
      try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
