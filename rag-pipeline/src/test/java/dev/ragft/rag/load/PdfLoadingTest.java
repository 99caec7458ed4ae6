package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLoadingTest {

  @TempDir
  Path dir;

  /** Writes a PDF whose pages hold the given lines (a null page is left blank). */
  static Path pdf(Path file, String title, List<List<String>> pages) throws IOException {
    Files.createDirectories(file.getParent());
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        if (lines == null) {
          continue;
        }
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      if (title != null) {
        pdf.getDocumentInformation().setTitle(title);
        pdf.getDocumentInformation().setAuthor("Ada Lovelace");
      }
      pdf.save(file.toFile());
    }
    return file;
  }

  @Test
  void pages_are_read_in_order_and_their_offsets_recorded_for_citations() throws IOException {
    pdf(dir.resolve("reports/q1.pdf"), "Quarterly report", Arrays.asList(
        List.of("Revenue grew in January.", "Costs stayed flat."),
        null,
        List.of("Outlook is positive.")));
    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(problems, dir);

    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.id()).isEqualTo("reports/q1.pdf");
      assertThat(document.title()).isEqualTo("Quarterly report");
      assertThat(document.text()).isEqualTo(
          "Revenue grew in January.\nCosts stayed flat.\n\nOutlook is positive.");
      assertThat(document.metadata()).isEqualTo(Map.of("author", "Ada Lovelace", "format", "pdf",
          "pages", "3", "page_offsets", "0,43,45"));
      int outlook = document.text().indexOf("Outlook");
      assertThat(DocumentMetadata.pageAt(document.metadata(), outlook)).hasValue(3);
      assertThat(DocumentMetadata.pageAt(document.metadata(), 5)).hasValue(1);
    });
    assertThat(problems.total()).isZero();
  }

  @Test
  void a_pdf_without_text_is_an_empty_document() throws IOException {
    pdf(dir.resolve("scan.pdf"), null, Arrays.asList((List<String>) null));
    InputProblems problems = InputProblems.collecting();
    assertThat(Loads.all(problems, dir)).isEmpty();
    assertThat(problems.messages())
        .containsExactly(dir.resolve("scan.pdf") + ": document \"scan.pdf\" has no text (skipped)");
  }

  @Test
  void a_corrupt_pdf_is_named_and_skipped_and_the_files_after_it_still_load() throws IOException {
    Loads.write(dir, "a-corrupt.pdf", "this is not a PDF at all");
    byte[] whole = Files.readAllBytes(pdf(dir.resolve("tmp/whole.pdf"), "T",
        List.of(List.of("text"))));
    Loads.write(dir, "b-truncated.pdf", Arrays.copyOf(whole, 20));
    Files.delete(dir.resolve("tmp/whole.pdf"));
    Loads.write(dir, "c.txt", "still loaded");
    InputProblems problems = InputProblems.collecting();

    assertThat(Loads.all(problems, dir)).extracting(Document::id).containsExactly("c.txt");
    assertThat(problems.count(ProblemKind.UNREADABLE_FILE)).isEqualTo(2);
    assertThat(problems.messages()).hasSize(2);
    assertThat(problems.messages().get(0))
        .startsWith(dir.resolve("a-corrupt.pdf") + ": cannot be read as PDF: ")
        .endsWith(" (skipped)");
    assertThat(problems.messages().get(1))
        .startsWith(dir.resolve("b-truncated.pdf") + ": cannot be read as PDF: ")
        .endsWith(" (skipped)");
  }

  @Test
  void under_the_fail_policy_a_corrupt_pdf_stops_the_load_with_its_path() {
    Loads.write(dir, "bad.pdf", "%PDF-1.7 garbage");
    LoadConfig config = LoadConfig.builder(List.of(dir)).onError(OnError.FAIL).build();
    assertThatThrownBy(() -> Loads.all(config, InputProblems.collecting()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("bad.pdf") + ": cannot be read as PDF: ");
  }
}
