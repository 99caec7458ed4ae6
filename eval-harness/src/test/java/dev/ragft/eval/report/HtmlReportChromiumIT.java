package dev.ragft.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium}): the summary, the charts
 * and the case view must render, and the inline script must build the case list, count the cases,
 * follow a filter given in the URL and select the case named by the fragment. Saves screenshots
 * under {@code target/chromium/}. Skipped, with the reason, when no Chromium is installed; the
 * system property {@code ragft.chromium} names a binary explicitly.
 */
class HtmlReportChromiumIT {

  private static final Path OUT = Path.of("target", "chromium");
  private static Path chromium;
  private static Path html;

  @BeforeAll
  static void render() throws IOException {
    Optional<Path> found = findChromium();
    assumeTrue(found.isPresent(), "no Chromium found (install Debian's chromium, or set "
        + "-Dragft.chromium=/path/to/chromium); the HTML report was not opened in a browser");
    chromium = found.get();
    Files.createDirectories(OUT);
    html = OUT.resolve("report.html").toAbsolutePath();
    Files.writeString(html, HtmlReport.render(Report.of(ReportDeterminismTest.sample(),
        ReportOptions.DEFAULT)), StandardCharsets.UTF_8);
  }

  @Test
  void the_summary_and_the_case_view_render(@TempDir Path profile) throws Exception {
    Document dom = Jsoup.parse(run(profile, List.of("--dump-dom", html.toUri().toString())));
    assertThat(dom.body().attr("data-ready")).isEqualTo("true");
    assertThat(dom.select("#recommendation .kind").text()).startsWith("Recommendation:");
    assertThat(dom.select("#pass-rates tbody tr")).hasSize(5);
    assertThat(dom.select("#chart-pass-rates rect.bar")).hasSize(5);
    assertThat(dom.select("#chart-labels rect.segment")).isNotEmpty();
    assertThat(dom.select("#case-count").text()).isEqualTo("Showing 15 of 15 cases");
    assertThat(dom.select("#case-nav li")).hasSize(15);
    assertThat(dom.select("#case-nav li a").first().text()).isEqualTo("b-00");
    assertThat(dom.select("#case-position").text()).isEqualTo("Case 1 of 15: b-00");
    assertThat(dom.select("section.case.current").attr("data-case")).isEqualTo("b-00");
    assertThat(dom.select("section.case[data-case=k-00] article.setup")).hasSize(5);
  }

  @Test
  void a_filter_in_the_url_and_a_fragment_select_cases(@TempDir Path profile) throws Exception {
    String url = html.toUri() + "?group=KNOWLEDGE#case-8";
    Document dom = Jsoup.parse(run(profile, List.of("--dump-dom", url)));
    assertThat(dom.select("#case-count").text()).isEqualTo("Showing 5 of 15 cases");
    assertThat(dom.select("section.case:not([hidden])")).hasSize(5)
        .allSatisfy(s -> assertThat(s.attr("data-group")).isEqualTo("KNOWLEDGE"));
    assertThat(dom.select("#case-position").text()).isEqualTo("Case 8 of 15: k-03");
    assertThat(dom.body().hasClass("present")).isFalse();
  }

  @Test
  void presentation_mode_shows_one_case(@TempDir Path profile) throws Exception {
    Document dom = Jsoup.parse(run(profile, List.of("--dump-dom",
        html.toUri() + "?view=present#case-11")));
    assertThat(dom.body().hasClass("present")).isTrue();
    assertThat(dom.select("section.case.current").attr("data-case")).isEqualTo("p-01");
    assertThat(dom.select("#case-present").attr("aria-pressed")).isEqualTo("true");
  }

  @Test
  void screenshots_are_saved(@TempDir Path profile) throws Exception {
    Path summary = OUT.resolve("report-summary.png").toAbsolutePath();
    Path caseView = OUT.resolve("report-case.png").toAbsolutePath();
    Files.deleteIfExists(summary);
    Files.deleteIfExists(caseView);
    run(profile, List.of("--window-size=1400,1800", "--screenshot=" + summary, html.toUri().toString()));
    run(profile.resolve("second"), List.of("--window-size=1400,1800", "--screenshot=" + caseView,
        html.toUri() + "?view=present&expand=1#case-5"));
    for (Path png : List.of(summary, caseView)) {
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes.length).as(png.toString()).isGreaterThan(20_000);
      assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
  }

  private static String run(Path profile, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(args);
    Files.createDirectories(profile);
    Path stdout = profile.resolve("stdout.txt");
    Path stderr = profile.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s: " + command);
    }
    assertThat(process.exitValue()).as("chromium exit; stderr: %s",
        Files.readString(stderr)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static Optional<Path> findChromium() {
    String configured = System.getProperty("ragft.chromium");
    Stream<String> candidates = configured != null && !configured.isBlank()
        ? Stream.of(configured)
        : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
  }
}
