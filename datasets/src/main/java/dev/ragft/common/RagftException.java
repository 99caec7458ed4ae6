package dev.ragft.common;

/**
 * The root of every exception ragft throws on purpose. Unchecked, so that library calls stay
 * readable; callers that want to recover catch {@link RetriableException} (worth trying again) or
 * {@link InputException} (the input must be fixed). The message is always a complete sentence that
 * a user can act on, and never contains a secret such as an API key.
 */
public class RagftException extends RuntimeException {

  /** Creates an exception with a user-facing message. */
  public RagftException(String message) {
    super(message);
  }

  /** Creates an exception with a user-facing message and the failure that caused it. */
  public RagftException(String message, Throwable cause) {
    super(message, cause);
  }
}
