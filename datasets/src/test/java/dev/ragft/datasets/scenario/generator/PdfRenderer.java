package dev.ragft.datasets.scenario.generator;

import dev.ragft.common.Hashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays out a plain-text document as an A4 PDF with PDFBox: the first line is the title, a line
 * starting with {@code ## } is a heading, a line starting with {@code - } a bullet, any other line
 * a paragraph. Only the standard Helvetica fonts are used, so the file embeds no font and its
 * text extracts back exactly; no dates are written and the file id is derived from the content,
 * so the bytes are reproducible.
 */
final class PdfRenderer {

  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BODY = 11;
  private static final float HEADING = 13;
  private static final float TITLE = 17;

  private PdfRenderer() {
  }

  /** The text a reader of the PDF sees: the source without heading markers. */
  static String plainText(String source) {
    StringBuilder text = new StringBuilder();
    for (String line : source.strip().split("\n")) {
      text.append(line.startsWith("## ") ? line.substring(3) : line).append('\n');
    }
    return text.toString();
  }

  static byte[] render(String title, String source) {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pdf.getDocumentInformation().setTitle(title);
      pdf.getDocumentInformation().setProducer("ragft scenario generator (Apache PDFBox)");
      Layout layout = new Layout(pdf);
      String[] lines = source.strip().split("\n");
      layout.paragraph(lines[0], bold, TITLE, 0);
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("## ")) {
          layout.gap(6);
          layout.paragraph(line.substring(3), bold, HEADING, 0);
        } else if (line.startsWith("- ")) {
          layout.paragraph(line, regular, BODY, 12);
        } else {
          layout.gap(3);
          layout.paragraph(line, regular, BODY, 0);
        }
      }
      layout.close();
      // PDFBox derives a missing file id from the clock; an id from the content keeps it stable.
      byte[] id = Arrays.copyOf(Hashes.sha256().digest(
          (title + "\n" + source).getBytes(StandardCharsets.UTF_8)), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Places lines top to bottom, starting a page when one is full. */
  private static final class Layout {

    private final PDDocument pdf;
    private PDPageContentStream stream;
    private float y;

    Layout(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void gap(float points) {
      y -= points;
    }

    void paragraph(String text, PDType1Font font, float size, float indent) throws IOException {
      for (String line : wrap(text, font, size, WIDTH - indent)) {
        float leading = size * 1.35f;
        if (y - leading < MARGIN) {
          newPage();
        }
        y -= leading;
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN + indent, y);
        stream.showText(line);
        stream.endText();
      }
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
