package dev.ragft.rag.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputException;
import java.util.Map;
import java.util.TreeMap;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown file as one document. Optional YAML front matter between {@code ---} lines at
 * the very top sets {@code id}, {@code title} and {@code version}; its other keys become metadata.
 * The front matter is removed and the body is kept as Markdown, so offsets count from the body's
 * first character. Without a front matter title, the first level-1 heading is the title.
 */
final class MarkdownReader implements FormatReader.Single {

  private static final Parser PARSER = Parser.builder().build();

  @Override
  public Document readOne(SourceFile file, LoadContext context) {
    String text = TextFiles.read(file, context);
    if (text == null) {
      return null;
    }
    FrontMatter front;
    try {
      front = FrontMatter.split(text, file.display());
    } catch (InputException e) {
      context.malformed(e);
      return null;
    }
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(DocumentMetadata.FORMAT, DocumentFormat.MARKDOWN.id());
    String id = file.source();
    String title = null;
    String version = context.config().version();
    try {
      for (Map.Entry<String, JsonNode> field : front.fields().entrySet()) {
        String key = field.getKey();
        switch (key) {
          case "id" -> id = scalar(front, key, field.getValue());
          case "title" -> title = scalar(front, key, field.getValue());
          case "version" -> version = scalar(front, key, field.getValue());
          default -> {
            if (!field.getValue().isNull()) {
              metadata.put(key, MetadataValues.of(field.getValue()));
            }
          }
        }
      }
    } catch (InputException e) {
      context.malformed(e);
      return null;
    }
    if (title == null) {
      title = firstTopHeading(front.body());
    }
    return Document.of(id, file.source(), version, title, front.body(), metadata);
  }

  private static String scalar(FrontMatter front, String key, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw new InputException(front.source(), 1, key, "must be a string, but is: "
          + value.getNodeType().name().toLowerCase());
    }
    String text = value.asText();
    if (text.isBlank() && !key.equals("title")) {
      throw new InputException(front.source(), 1, key, "must not be blank");
    }
    return text;
  }

  private static String firstTopHeading(String body) {
    for (Node node = PARSER.parse(body).getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getLevel() == 1) {
        return plainText(heading).strip();
      }
    }
    return "";
  }

  /** The literal text of a node's inline children, without Markdown markup. */
  static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text literal) {
        text.append(literal.getLiteral());
      } else if (child instanceof Code code) {
        text.append(code.getLiteral());
      } else {
        text.append(plainText(child));
      }
    }
    return text.toString();
  }
}
