package dev.ragft.finetune.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.finetune.provider.ProviderContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A JSON-over-HTTP client for one provider's REST API, with the error handling every provider
 * shares: retries with exponential backoff and seeded jitter on 429 (honouring
 * {@code Retry-After}), 5xx, timeouts and broken connections; an immediate one-sentence error on
 * 400, 401, 403 and other client errors; a clear error for malformed JSON. Requests that may take
 * effect even when they fail (uploads, job creation: {@link Repeat#ONCE}) are repeated only when
 * the failure proves they did not (429, no connection); otherwise the failure goes to the caller,
 * which looks the effect up before trying again. Thread-safe.
 *
 * <p>The API key is read from the environment at the first request, sent only in the
 * {@code Authorization} header, and redacted from every answer before anything reads it, so no
 * message, notice or recorded value built from an answer can contain it.
 */
public final class JsonHttp {

  /** Whether a request may be repeated freely after an unclear failure. */
  public enum Repeat {
    /** Reads and other requests with no effect, or the same effect, when repeated. */
    SAFE,
    /** Requests that create something: repeated only when they certainly did not take effect. */
    ONCE
  }

  private static final ObjectMapper MAPPER = Json.mapper();
  private static final int MESSAGE_LIMIT = 300;

  private final String provider;
  private final String base;
  private final String apiKeyEnv;
  private final ProviderContext context;
  private final Map<String, String> headers;
  private final HttpClient client;
  private final Random random;
  private ApiKey key;

  /**
   * Creates a client.
   *
   * @param provider the provider's configured name, used in messages
   * @param baseUrl the API's base URL; request paths are appended to it
   * @param apiKeyEnv the environment variable holding the API key
   * @param context timeouts, retries, sleeper, clock, environment and notices
   * @param headers further headers sent with every request
   */
  public JsonHttp(String provider, URI baseUrl, String apiKeyEnv, ProviderContext context,
      Map<String, String> headers) {
    this.provider = Objects.requireNonNull(provider, "provider");
    String url = baseUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.apiKeyEnv = Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    this.context = Objects.requireNonNull(context, "context");
    this.headers = Map.copyOf(new TreeMap<>(headers));
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(context.http().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.random = context.retry().newRandom();
  }

  /** GETs {@code path} (with its query) and returns the JSON answer. */
  public JsonNode get(String path) {
    return send("GET", path, Repeat.SAFE,
        () -> request(path).GET());
  }

  /** POSTs a JSON body to {@code path} and returns the JSON answer. */
  public JsonNode post(String path, JsonNode body, Repeat repeat) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return send("POST", path, repeat, () -> request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  /** POSTs a multipart upload to {@code path} and returns the JSON answer; never repeated blindly. */
  public JsonNode upload(String path, Multipart body) {
    return send("POST", path, Repeat.ONCE, () -> request(path)
        .header("Content-Type", body.contentType())
        .POST(body.publisher()));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(context.http().requestTimeout())
        .header("Authorization", key().bearer())
        .header("Accept", "application/json")
        .header("User-Agent", "ragft");
    headers.forEach(builder::header);
    return builder;
  }

  private synchronized ApiKey key() {
    if (key == null) {
      key = ApiKey.fromEnvironment(provider, apiKeyEnv, context.environment());
    }
    return key;
  }

  private JsonNode send(String method, String path, Repeat repeat,
      Supplier<HttpRequest.Builder> builder) {
    String what = method + " " + path;
    int attempts = context.retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      RetriableException failure;
      boolean certainlyNotDone;
      try {
        HttpResponse<byte[]> response =
            client.send(builder.get().build(), HttpResponse.BodyHandlers.ofByteArray());
        return answer(response, what);
      } catch (RetriableException e) {
        failure = e;
        certainlyNotDone = e instanceof RateLimited;
      } catch (HttpConnectTimeoutException | ConnectException e) {
        failure = new RetriableException(provider + " could not be reached for " + what + " ("
            + describe(e) + ")", e);
        certainlyNotDone = true;
      } catch (HttpTimeoutException e) {
        failure = new RetriableException(provider + " did not answer " + what + " within "
            + seconds(context.http().requestTimeout()) + " s", e);
        certainlyNotDone = false;
      } catch (IOException e) {
        failure = new RetriableException("the connection to " + provider + " broke during "
            + what + " (" + describe(e) + ")", e);
        certainlyNotDone = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RagftException("interrupted during " + what + " to " + provider + ".", e);
      }
      if (repeat == Repeat.ONCE && !certainlyNotDone) {
        throw new RetriableException(failure.getMessage() + "; not repeated at once because it"
            + " may have taken effect.", failure.retryAfter().orElse(null), failure);
      }
      if (attempt >= attempts) {
        throw new RetriableException(failure.getMessage() + "; gave up after " + attempts
            + " attempts.", failure.retryAfter().orElse(null), failure);
      }
      Optional<Duration> requested = failure.retryAfter();
      if (requested.isPresent() && requested.get().compareTo(context.retry().maxRetryAfter()) > 0) {
        throw new RetriableException(failure.getMessage() + "; it asked to wait "
            + seconds(requested.get()) + " s, longer than the "
            + seconds(context.retry().maxRetryAfter()) + " s ragft waits, so try again later.",
            requested.get(), failure);
      }
      Duration wait = context.retry().delay(attempt, requested, random);
      context.notices().accept(failure.getMessage() + "; retrying in " + seconds(wait)
          + " s (attempt " + (attempt + 1) + " of " + attempts + ").");
      context.sleeper().sleep(wait);
    }
  }

  private JsonNode answer(HttpResponse<byte[]> response, String what) {
    int status = response.statusCode();
    // Everything ragft keeps or shows of an answer derives from this text, so a server that
    // echoes the key (in an error message, a job field, anywhere) cannot make it leak.
    String body = redact(new String(response.body(), StandardCharsets.UTF_8));
    if (status >= 200 && status < 300) {
      if (body.isEmpty()) {
        return MAPPER.createObjectNode();
      }
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        String problem = e instanceof JsonProcessingException json
            ? json.getOriginalMessage() : e.getMessage();
        throw new RagftException(provider + " answered " + what + " with malformed JSON (HTTP "
            + status + "): " + redact(problem) + ".");
      }
    }
    String server = serverMessage(body);
    if (status == 429) {
      throw new RateLimited(provider + " is rate-limiting " + what + " (HTTP 429" + server + ")",
          retryAfter(response).orElse(null));
    }
    if (status >= 500) {
      throw new RetriableException(provider + " failed on " + what + " (HTTP " + status + server
          + ")", retryAfter(response).orElse(null), null);
    }
    if (status == 401) {
      throw new HttpStatusException(status, provider + " rejected the API key from "
          + apiKeyEnv + " (HTTP 401 on " + what + "); check that the variable holds a valid key.");
    }
    if (status == 403) {
      throw new HttpStatusException(status, provider + " refused " + what + " (HTTP 403" + server
          + "); check that the key from " + apiKeyEnv + " may do this.");
    }
    throw new HttpStatusException(status, provider + " rejected " + what + " (HTTP " + status
        + server + ").");
  }

  private Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      double seconds = Double.parseDouble(value);
      return seconds >= 0 ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000)))
          : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(context.clock().instant(), when.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** The server's own error message, as {@code ": message"}, redacted and shortened. */
  private String serverMessage(String body) {
    if (body.isEmpty()) {
      return "";
    }
    String message;
    try {
      JsonNode json = MAPPER.readTree(body);
      message = firstText(json.path("error").path("message"), json.path("message"),
          json.path("detail"), json.path("detail").path(0).path("msg"), json.path("error"));
    } catch (IOException notJson) {
      message = body;
    }
    if (message == null || message.isBlank()) {
      return "";
    }
    String text = redact(message).replaceAll("\\s+", " ").strip();
    if (text.length() > MESSAGE_LIMIT) {
      text = text.substring(0, MESSAGE_LIMIT) + "...";
    }
    return ": " + text;
  }

  private static String firstText(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate.isTextual() && !candidate.asText().isBlank()) {
        return candidate.asText();
      }
    }
    return null;
  }

  private String redact(String text) {
    return key == null ? text : key.redact(text);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  /** A 429: the request was refused before it had any effect, so repeating it is always safe. */
  private static final class RateLimited extends RetriableException {
    RateLimited(String message, Duration retryAfter) {
      super(message, retryAfter, null);
    }
  }
}
