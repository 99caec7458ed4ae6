package dev.ragft.finetune.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.RagftException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads fields of provider answers, turning a missing or mistyped field into one clear sentence
 * that names the provider, the request and the field.
 */
public final class Fields {

  private Fields() {
  }

  /** A required text field. */
  public static String text(JsonNode node, String field, String provider, String what) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw missing(provider, what, field, "a non-empty string");
    }
    return value.asText();
  }

  /** An optional text field: null when absent, null or empty. */
  public static String optText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  /** A required array field. */
  public static JsonNode array(JsonNode node, String field, String provider, String what) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      throw missing(provider, what, field, "an array");
    }
    return value;
  }

  /** A time given as Unix seconds or as an ISO-8601 text; {@link Instant#EPOCH} when absent. */
  public static Instant time(JsonNode node, String field, String provider, String what) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Instant.EPOCH;
    }
    if (value.canConvertToLong()) {
      return Instant.ofEpochSecond(value.asLong());
    }
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText()).toInstant();
      } catch (DateTimeParseException e) {
        throw missing(provider, what, field, "a time");
      }
    }
    throw missing(provider, what, field, "a time");
  }

  /** The text, percent-encoded for a URL path segment or query value. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static RagftException missing(String provider, String what, String field,
      String expected) {
    return new RagftException(provider + "'s answer to " + what + " has no usable \"" + field
        + "\" field (" + expected + " was expected).");
  }
}
