package dev.ragft.finetune.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.ProviderSettings;
import dev.ragft.finetune.job.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fine-tuning configuration file (YAML or JSON): the configured providers by name, HTTP
 * timeouts and the retry policy. Every part is optional; defaults are applied here and nowhere
 * else. Unknown keys are rejected. The file never holds a secret: API keys are named by
 * {@code apiKeyEnv} and read from the environment.
 *
 * <pre>{@code
 * providers:
 *   openai: {apiKeyEnv: OPENAI_API_KEY}
 *   fireworks: {accountId: my-account}
 *   trl:
 *     type: command
 *     command: [python, train.py, --data, "{train}", --model, "{base_model}", --out, "{output_dir}"]
 *     adapterPath: "{output_dir}/adapter"
 * http: {connectTimeout: PT10S, requestTimeout: PT5M}
 * retry: {maxAttempts: 6, initialDelay: PT1S, maxDelay: PT60S, multiplier: 2.0, jitter: 0.2,
 *         maxRetryAfter: PT10M, seed: 42}
 * }</pre>
 *
 * @param providers the configured providers by name
 * @param http HTTP timeouts
 * @param retry the retry policy for remote calls
 */
public record FineTuningConfig(
    Map<String, ProviderEntry> providers, HttpSettings http, RetryPolicy retry) {

  private static final ObjectMapper YAML = Json.yaml().copy().registerModule(new JavaTimeModule());

  /** Applies the defaults and copies the map. */
  public FineTuningConfig {
    providers = providers == null ? Map.of() : Map.copyOf(new TreeMap<>(providers));
    http = http == null ? HttpSettings.defaults() : http;
    retry = retry == null ? RetryPolicy.defaults() : retry;
  }

  /** No providers configured, default timeouts and retries. */
  public static FineTuningConfig defaults() {
    return new FineTuningConfig(null, null, null);
  }

  /** The configuration file read when none is named: {@code ~/.ragft/fine-tuning.yaml}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".ragft", "fine-tuning.yaml");
  }

  /** Reads a configuration file; a bad one is an input error naming the file and the problem. */
  public static FineTuningConfig read(Path file) {
    try {
      FineTuningConfig config = YAML.readValue(Files.readAllBytes(file), FineTuningConfig.class);
      return config == null ? defaults() : config;
    } catch (JsonProcessingException e) {
      throw problem(file, e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static InputException problem(Path file, JsonProcessingException e) {
    String source = file.toString();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException syntax) {
        long line = syntax.getLocation() == null ? 0 : syntax.getLocation().getLineNr();
        return new InputException(source, line, null, "is not valid YAML or JSON: "
            + syntax.getOriginalMessage().replaceAll("\\s+", " ").strip(), e);
      }
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new InputException(source, 0, path(unknown), "is not a known setting; known: "
          + String.join(", ", unknown.getKnownPropertyIds().stream().map(Object::toString)
              .sorted().toList()), e);
    }
    String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
    return new InputException(source, 0, field, "is not valid: " + e.getOriginalMessage(), e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  /**
   * The settings of the provider called {@code name}: its configured entry over the defaults of
   * its type, or, when it is not configured, the defaults of the type of that name.
   */
  public ProviderSettings settings(String name, Providers known) {
    ProviderEntry entry = providers.get(name);
    if (entry == null) {
      if (!known.types().contains(name)) {
        throw new RagftException("provider '" + name + "' is neither configured nor a provider type;"
            + " configured: " + (providers.isEmpty() ? "none" : String.join(", ",
                providers.keySet())) + "; types: " + String.join(", ", known.types()) + ".");
      }
      return known.factory(name).defaults(name);
    }
    String type = entry.type() == null ? name : entry.type();
    ProviderSettings defaults = known.factory(type).defaults(name);
    return new ProviderSettings(name, type,
        entry.baseUrl() != null ? entry.baseUrl() : defaults.baseUrl(),
        entry.apiKeyEnv() != null ? entry.apiKeyEnv() : defaults.apiKeyEnv(),
        entry.accountId() != null ? entry.accountId() : defaults.accountId(),
        entry.command() != null ? entry.command() : defaults.command(),
        entry.adapterPath() != null ? entry.adapterPath() : defaults.adapterPath(),
        entry.options() != null ? entry.options() : defaults.options());
  }

  /**
   * One configured provider; every field is optional and falls back to the defaults of its type.
   *
   * @param type the provider type; the entry's name when absent
   * @param baseUrl the API's base URL
   * @param apiKeyEnv the environment variable holding the API key
   * @param accountId the account id (Fireworks)
   * @param command the command template (command provider)
   * @param adapterPath where the trainer writes its adapter (command provider)
   * @param options further settings of plugged-in provider types
   */
  public record ProviderEntry(
      String type,
      String baseUrl,
      String apiKeyEnv,
      String accountId,
      List<String> command,
      String adapterPath,
      Map<String, String> options) {
  }
}
