package dev.ragft.model.serve;

import dev.ragft.common.RagftException;

/** A request the server refuses, with the HTTP status and OpenAI error type to answer with. */
final class BadRequest extends RagftException {

  private final int status;
  private final String type;

  BadRequest(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  /** A 400 {@code invalid_request_error}. */
  static BadRequest invalid(String message) {
    return new BadRequest(400, "invalid_request_error", message);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
