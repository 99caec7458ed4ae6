package dev.ragft.rag.load;

import dev.ragft.common.InputException;
import dev.ragft.common.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads an HTML file as one document of its visible text (see {@link HtmlText}). The title is the
 * {@code <title>}, else the first {@code <h1>}. The charset comes from a byte-order mark or a
 * {@code <meta charset>}, UTF-8 otherwise; bytes that are not valid UTF-8 are replaced and
 * reported.
 */
final class HtmlReader implements FormatReader.Single {

  @Override
  public Document readOne(SourceFile file, LoadContext context) {
    byte[] bytes;
    org.jsoup.nodes.Document html;
    try {
      bytes = Files.readAllBytes(file.path());
      html = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException | UncheckedIOException e) {
      context.unreadable(file, "cannot be read as HTML: " + LoadContext.describe(e), e);
      return null;
    }
    if (html.charset().equals(StandardCharsets.UTF_8) && !validUtf8(bytes)) {
      context.problems().report(ProblemKind.INVALID_UTF8, InputException.format(file.display(), 0,
          null, "bytes that are not valid UTF-8 were replaced with U+FFFD"));
    }
    String title = html.title().strip();
    if (title.isEmpty()) {
      Element heading = html.selectFirst("h1");
      title = heading == null ? "" : heading.text().strip();
    }
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(DocumentMetadata.FORMAT, DocumentFormat.HTML.id());
    putMeta(metadata, DocumentMetadata.DESCRIPTION, html.selectFirst("meta[name=description]"));
    putMeta(metadata, DocumentMetadata.AUTHOR, html.selectFirst("meta[name=author]"));
    String lang = html.select("html").attr("lang").strip();
    if (!lang.isEmpty()) {
      metadata.put(DocumentMetadata.LANGUAGE, lang);
    }
    return Document.of(file.source(), file.source(), context.config().version(), title,
        HtmlText.of(html.body()), metadata);
  }

  private static void putMeta(Map<String, String> metadata, String key, Element meta) {
    if (meta != null && !meta.attr("content").isBlank()) {
      metadata.put(key, meta.attr("content").strip());
    }
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
