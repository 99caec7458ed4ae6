package dev.ragft.model.provider;

import dev.langchain4j.exception.HttpException;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import java.io.IOException;

/** Which remote failures are worth another attempt, and how they are reported. */
final class RemoteFailures {

  private RemoteFailures() {
  }

  /** Whether {@code error} may pass on its own: 429, 5xx, a timeout, a dropped connection. */
  static boolean retriable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof dev.langchain4j.exception.RetriableException
          || t instanceof RetriableException || t instanceof IOException) {
        return true;
      }
      if (t instanceof HttpException http
          && (http.statusCode() == 429 || http.statusCode() >= 500)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The failure as ragft reports it: one sentence naming the model, with the key redacted; the
   * cause is kept only when no message in its chain contains the key.
   */
  static RagftException report(String model, int attempts, Throwable error, Secrets secrets) {
    String detail = error.getMessage() == null ? error.getClass().getSimpleName()
        : error.getMessage().strip().replaceAll("\\s+", " ");
    String message = model + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "")
        + ": " + secrets.redact(detail);
    Throwable cause = secrets.leaksIn(error) ? null : error;
    return retriable(error) ? new RetriableException(message, cause)
        : new RagftException(message, cause);
  }
}
