package dev.ragft.model.provider;

import java.util.Objects;

/**
 * Keeps an API key out of messages: every text that leaves a remote model (exception messages,
 * logs) passes through {@link #redact}, and an exception whose cause chain mentions the key is
 * rethrown without that chain.
 */
final class Secrets {

  private static final String MASK = "***";
  private final String secret;

  /** Redacts {@code secret}; null or blank redacts nothing. */
  Secrets(String secret) {
    this.secret = secret == null || secret.isBlank() ? null : secret;
  }

  /** The text with every occurrence of the secret replaced by {@code ***}. */
  String redact(String text) {
    if (text == null || secret == null) {
      return text;
    }
    return text.replace(secret, MASK);
  }

  /** Whether any message in the chain of {@code error} contains the secret. */
  boolean leaksIn(Throwable error) {
    if (secret == null) {
      return false;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (Objects.toString(t.getMessage(), "").contains(secret)
          || Objects.toString(t.toString(), "").contains(secret)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (leaksIn(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }
}
