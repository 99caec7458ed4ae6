package dev.ragft.datasets.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

/**
 * The text a reader sees in a scenario document: Markdown as written, HTML through jsoup, PDF
 * through PDFBox's text extraction. Tests compare facts against this text.
 */
public final class DocumentText {

  private DocumentText() {
  }

  /** The visible text of a document's bytes. */
  public static String extract(DocumentFormat format, byte[] bytes) {
    return switch (format) {
      case MARKDOWN -> new String(bytes, StandardCharsets.UTF_8);
      case HTML -> Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).body().text();
      case PDF -> {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
          yield new PDFTextStripper().getText(pdf);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The text with every run of whitespace made one space, and trimmed. */
  public static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
