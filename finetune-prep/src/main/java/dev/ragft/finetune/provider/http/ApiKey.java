package dev.ragft.finetune.provider.http;

import dev.ragft.common.RagftException;
import java.util.Objects;
import java.util.function.Function;

/**
 * An API key read from an environment variable. The key itself leaves this object only as the
 * value of an {@code Authorization} header; {@link #toString()} names the variable, never the key,
 * and {@link #redact} removes the key from any text that might echo it (server error messages).
 */
public final class ApiKey {

  private static final String REDACTED = "[redacted]";

  private final String variable;
  private final String secret;

  private ApiKey(String variable, String secret) {
    this.variable = variable;
    this.secret = secret;
  }

  /**
   * Reads the key of {@code provider} from the environment variable {@code variable}; an unset or
   * blank variable is an error that names the variable (and of course not a key).
   */
  public static ApiKey fromEnvironment(String provider, String variable,
      Function<String, String> environment) {
    Objects.requireNonNull(variable, "variable");
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new RagftException("provider '" + provider + "' needs an API key: set the environment"
          + " variable " + variable + " (or name another one with apiKeyEnv).");
    }
    return new ApiKey(variable, value.strip());
  }

  /** The environment variable the key came from. */
  public String variable() {
    return variable;
  }

  /** The value of an {@code Authorization: Bearer} header; for that header only. */
  public String bearer() {
    return "Bearer " + secret;
  }

  /** The text with every occurrence of the key replaced by {@code [redacted]}. */
  public String redact(String text) {
    return text == null ? null : text.replace(secret, REDACTED);
  }

  /** Names the variable, never the key. */
  @Override
  public String toString() {
    return "ApiKey[from " + variable + "]";
  }
}
