package dev.ragft.rag.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.common.InputProblems;
import dev.ragft.common.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlLoadingTest {

  @TempDir
  Path dir;

  @Test
  void visible_text_keeps_blocks_as_paragraphs_and_drops_scripts_styles_navigation() {
    Loads.write(dir, "pricing.html", """
        <!DOCTYPE html>
        <html lang="en"><head><title> Pricing </title>
        <meta name="description" content="Plans and prices">
        <style>p { color: red }</style><script>var tracking = 1;</script></head>
        <body><nav><a href="/">Home</a> <a href="/docs">Docs</a></nav>
        <h1>Our   pricing</h1>
        <p>Plans are
           simple.<br>Pay monthly.</p>
        <ul><li>Team</li><li>Enterprise <b>plus</b></li></ul>
        <table><tr><th>Plan</th><th>Price</th></tr><tr><td>Team</td><td>$10</td></tr></table>
        <pre>code  kept
          as is</pre>
        <div hidden>secret</div><p style="display: none">hidden too</p>
        <p>Caf&eacute; &amp; more</p>
        <script>alert(1)</script><noscript>enable js</noscript>
        </body></html>
        """);
    InputProblems problems = InputProblems.collecting();
    List<Document> documents = Loads.all(problems, dir);

    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.id()).isEqualTo("pricing.html");
      assertThat(document.title()).isEqualTo("Pricing");
      assertThat(document.text()).isEqualTo("""
          Our pricing

          Plans are simple.
          Pay monthly.

          Team

          Enterprise plus

          Plan | Price

          Team | $10

          code  kept
            as is

          Café & more""");
      assertThat(document.metadata()).isEqualTo(
          Map.of("description", "Plans and prices", "format", "html", "lang", "en"));
    });
    assertThat(problems.total()).isZero();
  }

  @Test
  void broken_html_is_repaired_and_its_text_still_read_with_the_first_h1_as_title() {
    Loads.write(dir, "broken.htm",
        "<p>Unclosed paragraph<div><h1>Head</h2>Block <b>bold <i>text</div><p>Last<br>line");
    List<Document> documents = Loads.all(InputProblems.collecting(), dir);
    assertThat(documents).singleElement().satisfies(document -> {
      assertThat(document.title()).isEqualTo("Head");
      assertThat(document.text())
          .isEqualTo("Unclosed paragraph\n\nHead\n\nBlock bold text\n\nLast\nline");
    });
  }

  @Test
  void bytes_that_are_not_utf8_are_replaced_and_reported() {
    Loads.write(dir, "latin.html", new byte[] {'<', 'p', '>', 'c', 'a', 'f', (byte) 0xE9});
    InputProblems problems = InputProblems.collecting();
    assertThat(Loads.all(problems, dir)).singleElement().extracting(Document::text)
        .isEqualTo("caf\uFFFD");
    assertThat(problems.messages()).containsExactly(dir.resolve("latin.html")
        + ": bytes that are not valid UTF-8 were replaced with U+FFFD");
  }

  @Test
  void a_declared_charset_is_honoured() {
    Loads.write(dir, "latin.html", new byte[] {'<', 'm', 'e', 't', 'a', ' ', 'c', 'h', 'a', 'r',
        's', 'e', 't', '=', 'i', 's', 'o', '-', '8', '8', '5', '9', '-', '1', '>', '<', 'p', '>',
        'c', 'a', 'f', (byte) 0xE9});
    InputProblems problems = InputProblems.collecting();
    assertThat(Loads.all(problems, dir)).singleElement().extracting(Document::text)
        .isEqualTo("café");
    assertThat(problems.total()).isZero();
  }

  @Test
  void an_html_file_that_cannot_be_read_is_named_and_the_rest_still_load() throws IOException {
    Loads.write(dir, "a.html", "<p>gone");
    Loads.write(dir, "b.html", "<p>kept");
    InputProblems problems = InputProblems.collecting();
    CorpusLoader loader = new CorpusLoader(LoadConfig.of(dir), problems);
    assertThat(loader.files()).hasSize(2);
    Files.delete(dir.resolve("a.html"));
    try (Stream<Document> documents = loader.stream()) {
      assertThat(documents.map(Document::text)).containsExactly("kept");
    }
    assertThat(problems.count(ProblemKind.UNREADABLE_FILE)).isEqualTo(1);
    assertThat(problems.messages())
        .containsExactly(dir.resolve("a.html") + ": cannot be read: no such file (skipped)");
  }
}
