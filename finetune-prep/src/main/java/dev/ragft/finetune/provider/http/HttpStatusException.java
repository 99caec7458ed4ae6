package dev.ragft.finetune.provider.http;

import dev.ragft.common.RagftException;

/**
 * A provider answered with an HTTP status that trying again will not change (400, 401, 403, 404,
 * 409, ...). Providers catch the statuses that mean something to them (404: no such job; 409: it
 * exists already) and let the others through; the message is one sentence without secrets.
 */
public class HttpStatusException extends RagftException {

  private final int status;

  /** Creates the exception for an HTTP status. */
  public HttpStatusException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }
}
