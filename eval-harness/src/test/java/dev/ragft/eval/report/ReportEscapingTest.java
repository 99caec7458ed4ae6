package dev.ragft.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.testing.Runs;
import dev.ragft.eval.testing.TestRuns;
import java.util.List;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReportEscapingTest {

  private static final String HOSTILE = "</pre></section><script>alert('x')</script>"
      + "<img src=x onerror=\"alert(1)\"> & [1] | `code` <!-- done";

  private static RunResult hostileRun() {
    RunResult run = TestRuns.builder(5, List.of("baseline", "rag"))
        .add("c-1", "KP").add("c-2", "BB")
        .notes(Map.of("<b>note</b>", "<script>alert(3)</script>"))
        .build();
    return Runs.withAnswer(Runs.withAnswer(run, "c-1", "rag", HOSTILE), "c-2", "baseline",
        "line one\n<style>body{display:none}</style>");
  }

  @Test
  void model_output_cannot_inject_markup_into_the_html() {
    String html = HtmlReport.render(Report.of(hostileRun(), ReportOptions.DEFAULT));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).hasSize(1);
    assertThat(doc.select("script").first().data()).doesNotContain("alert");
    assertThat(doc.select("img")).isEmpty();
    assertThat(doc.select("style")).hasSize(1);
    assertThat(doc.select("[onerror]")).isEmpty();
    Element answer = doc.select("section.case[data-case=c-1] article[data-setup=rag] pre.answer").first();
    assertThat(answer.text()).isEqualTo(HOSTILE.replace("\"", "\""));
    assertThat(answer.select("a.cite").attr("href")).isEqualTo("#case-1-s2-p1");
    assertThat(doc.select("#notes li").text()).isEqualTo("<b>note</b>: <script>alert(3)</script>");
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img");
  }

  @Test
  void the_html_references_nothing_outside_itself() {
    Document doc = Jsoup.parse(HtmlReport.render(Report.of(hostileRun(), ReportOptions.DEFAULT)));
    assertThat(doc.select("link, iframe, object, embed, img, [src]")).isEmpty();
    for (Element a : doc.select("a[href]")) {
      assertThat(a.attr("href")).startsWith("#");
    }
    assertThat(doc.select("style").first().data()).doesNotContain("url(").doesNotContain("@import");
  }

  @Test
  void markdown_escapes_run_texts() {
    String md = MarkdownReport.render(Report.of(hostileRun(), ReportOptions.DEFAULT));
    String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script, b, img, style")).isEmpty();
    assertThat(doc.text()).contains("note <b>note</b>: <script>alert(3)</script>");
    assertThat(md).doesNotContain(HOSTILE);
  }

  @Test
  void facts_are_marked_and_gold_passages_highlighted() {
    Document doc = Jsoup.parse(HtmlReport.render(Report.of(hostileRun(), ReportOptions.DEFAULT)));
    Element rag = doc.select("section.case[data-case=c-1] article[data-setup=rag]").first();
    assertThat(rag.hasClass("pass")).isTrue();
    Element gold = rag.select("li.passage.gold").first();
    assertThat(gold.select("mark").text()).isEqualTo("30 days");
    assertThat(gold.hasClass("cited")).isTrue();
    assertThat(rag.select("p.citations").text()).isEqualTo("cites [1] refunds (gold)");
    Element baseline = doc.select("section.case[data-case=c-2] article[data-setup=baseline]").first();
    assertThat(baseline.select(".label").text()).isEqualTo("behaviour");
    assertThat(baseline.select("pre.answer").first().wholeText())
        .isEqualTo("line one\n<style>body{display:none}</style>");
  }
}
