package dev.ragft.rag.load;

import java.util.Objects;

/**
 * The JSON field names a JSON Lines corpus keeps its documents in.
 *
 * @param id the field holding the document id (required in every line)
 * @param title the field holding the title (optional in a line); empty to read no title
 * @param text the field holding the text (required in every line)
 * @param metadata the field holding an object of metadata (optional in a line); empty for none
 */
public record JsonlFields(String id, String title, String text, String metadata) {

  /** The field names of plain JSONL corpora unless configured: id, title, text, metadata. */
  public static final JsonlFields DEFAULT = new JsonlFields("id", "title", "text", "metadata");

  /** The field names of a BEIR {@code corpus.jsonl}: _id, title, text, metadata. */
  public static final JsonlFields BEIR = new JsonlFields("_id", "title", "text", "metadata");

  /** Validates the names: id and text are required, title and metadata may be empty. */
  public JsonlFields {
    if (Objects.requireNonNull(id, "id").isBlank()) {
      throw new IllegalArgumentException("JSONL id field must not be blank, but is: \"" + id + "\"");
    }
    if (Objects.requireNonNull(text, "text").isBlank()) {
      throw new IllegalArgumentException(
          "JSONL text field must not be blank, but is: \"" + text + "\"");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(metadata, "metadata");
  }
}
