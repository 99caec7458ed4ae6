package dev.ragft.rag.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a JSON Lines corpus, one document per line, lazily: lines are parsed as the stream is
 * pulled. The id and text fields are required (a missing one makes the line malformed); the title
 * and a metadata object are optional. Every document of the file has the file as its source.
 */
final class JsonlDocumentReader implements FormatReader {

  private final DocumentFormat format;
  private final JsonlFields fixedFields;

  /** A reader for {@code format}, with fixed field names, or the configured ones when null. */
  JsonlDocumentReader(DocumentFormat format, JsonlFields fixedFields) {
    this.format = format;
    this.fixedFields = fixedFields;
  }

  @Override
  public Stream<Document> read(SourceFile file, LoadContext context) {
    InputStream in;
    try {
      in = Files.newInputStream(file.path());
    } catch (IOException e) {
      context.unreadable(file, "cannot be read: " + LoadContext.describe(e), e);
      return Stream.empty();
    }
    JsonlFields fields = fixedFields != null ? fixedFields : context.config().jsonlFields();
    JsonlReader reader =
        new JsonlReader(in, file.display(), context.config().onError(), context.problems());
    return reader.map(line -> toDocument(line, file, fields, context))
        .flatMap(Optional::stream);
  }

  private Optional<Document> toDocument(JsonLine line, SourceFile file, JsonlFields fields,
      LoadContext context) {
    String id = line.requireText(fields.id());
    if (id.isBlank()) {
      throw line.error(fields.id(), "must not be blank");
    }
    String text = line.requireText(fields.text());
    String title = fields.title().isEmpty() ? "" : line.optText(fields.title()).orElse("");
    Map<String, String> metadata = new TreeMap<>();
    if (!fields.metadata().isEmpty()) {
      JsonNode node = line.json().get(fields.metadata());
      if (node != null && !node.isNull()) {
        if (!(node instanceof ObjectNode object)) {
          throw line.error(fields.metadata(), "must be an object, but is: "
              + node.getNodeType().name().toLowerCase());
        }
        object.properties().forEach(entry -> {
          if (!entry.getValue().isNull()) {
            metadata.put(entry.getKey(), MetadataValues.of(entry.getValue()));
          }
        });
      }
    }
    metadata.putIfAbsent(DocumentMetadata.FORMAT, format.id());
    Document document = Document.of(id, file.source(), context.config().version(), title, text,
        metadata);
    return context.admit(document, line.source(), line.line())
        ? Optional.of(document) : Optional.empty();
  }
}
