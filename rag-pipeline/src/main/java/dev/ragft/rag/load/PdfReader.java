package dev.ragft.rag.load;

import java.io.IOException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF as one document with Apache PDFBox: the text of each page in the order the PDF
 * draws it, pages separated by a blank line, and the offset where each page begins recorded in
 * {@link DocumentMetadata#PAGE_OFFSETS} so that a chunk can name its page. The title comes from
 * the PDF's document information. A PDF that cannot be parsed (corrupt, encrypted with a
 * password) is reported as unreadable with its path.
 */
final class PdfReader implements FormatReader.Single {

  @Override
  public Document readOne(SourceFile file, LoadContext context) {
    try (PDDocument pdf = Loader.loadPDF(file.path().toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      StringBuilder text = new StringBuilder();
      StringJoiner offsets = new StringJoiner(",");
      int pages = pdf.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String pageText = stripper.getText(pdf).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (!pageText.isEmpty() && !text.isEmpty()) {
          text.append("\n\n");
        }
        offsets.add(Integer.toString(text.length()));
        text.append(pageText);
        if (text.length() > context.config().maxDocumentChars()) {
          context.tooLargeText(file.display(), 0);
          return null;
        }
      }
      Map<String, String> metadata = new TreeMap<>();
      metadata.put(DocumentMetadata.FORMAT, DocumentFormat.PDF.id());
      metadata.put(DocumentMetadata.PAGES, Integer.toString(pages));
      metadata.put(DocumentMetadata.PAGE_OFFSETS, offsets.toString());
      PDDocumentInformation info = pdf.getDocumentInformation();
      putIfPresent(metadata, DocumentMetadata.AUTHOR, info.getAuthor());
      putIfPresent(metadata, DocumentMetadata.DESCRIPTION, info.getSubject());
      String title = info.getTitle() == null ? "" : info.getTitle().strip();
      return Document.of(file.source(), file.source(), context.config().version(), title,
          text.toString(), metadata);
    } catch (IOException | RuntimeException e) {
      context.unreadable(file, "cannot be read as PDF: " + LoadContext.describe(e), e);
      return null;
    }
  }

  private static void putIfPresent(Map<String, String> metadata, String key, String value) {
    if (value != null && !value.isBlank()) {
      metadata.put(key, value.strip());
    }
  }
}
