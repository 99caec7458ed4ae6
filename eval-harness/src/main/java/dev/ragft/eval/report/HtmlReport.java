package dev.ragft.eval.report;

import dev.ragft.eval.diagnosis.Diagnosis;
import dev.ragft.eval.diagnosis.Group;
import dev.ragft.eval.diagnosis.Outcome;
import dev.ragft.eval.diagnosis.SignatureRow;
import dev.ragft.eval.diagnosis.Statement;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RunInfo;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.stats.PairTest;
import dev.ragft.eval.stats.RunStatistics;
import dev.ragft.eval.stats.SetupStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The self-contained HTML report: one file with inline CSS, inline SVG charts and a little inline
 * JavaScript (case list, filters, keyboard navigation), and no reference to anything outside it.
 * The page is built as a DOM, so every text from the run (answers are model output) is escaped.
 */
public final class HtmlReport {

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private HtmlReport() {
  }

  /** The report as an HTML document. */
  public static String render(Report report) {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.base);
    doc.prependChild(new DocumentType("html", "", ""));
    doc.selectFirst("html").attr("lang", "en");
    RunInfo info = report.run().info();
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    head.appendElement("title").text("ragft evaluation: " + info.runId());
    head.appendElement("style").appendChild(new DataNode(CSS));
    Element body = doc.body();
    Element top = body.appendElement("header").addClass("top");
    top.appendElement("h1").text("ragft evaluation: " + info.runId());
    top.appendElement("p").text(String.format(Locale.ROOT,
        "dataset %s · corpus %s · %d cases · %d setups · %d sample(s) per case · temperature %s · seed %d",
        info.dataset(), info.corpusVersion(), report.run().cases().size(),
        report.run().setups().size(), info.samples(), Fmt.decimal(info.temperature()), info.seed()));
    Element main = body.appendElement("main");
    if (!info.notes().isEmpty()) {
      Element notes = main.appendElement("div").addClass("notes").attr("id", "notes");
      notes.appendElement("strong").text("Notes");
      Element list = notes.appendElement("ul");
      info.notes().forEach((k, v) -> list.appendElement("li").text(k + ": " + v));
    }
    Map<String, String> anchors = anchors(report);
    recommendation(main, report.diagnosis(), anchors);
    summary(main, report);
    diagnosis(main, report.diagnosis(), anchors);
    usage(main, report);
    new HtmlCases(report, anchors).append(main);
    body.appendElement("script").appendChild(new DataNode(JS));
    return doc.outerHtml() + "\n";
  }

  /** The element id of each case's section, by case id. */
  static Map<String, String> anchors(Report report) {
    Map<String, String> anchors = new HashMap<>();
    List<String> ids = report.run().cases().stream().map(c -> c.id()).toList();
    for (int i = 0; i < ids.size(); i++) {
      anchors.put(ids.get(i), "case-" + (i + 1));
    }
    return anchors;
  }

  private static void recommendation(Element main, Diagnosis d, Map<String, String> anchors) {
    Element box = main.appendElement("section").attr("id", "recommendation")
        .addClass("recommendation").addClass(d.recommendation().kind().name().toLowerCase(Locale.ROOT));
    box.appendElement("div").addClass("kind").text("Recommendation: " + d.recommendation().kind().phrase());
    box.appendElement("p").addClass("headline").text(d.recommendation().headline());
    d.recommendation().leaning().ifPresent(l -> box.appendElement("p")
        .text("The counts alone lean towards: " + l.phrase() + "."));
    Element reasons = box.appendElement("ul");
    d.recommendation().reasons().forEach(r -> reasons.appendElement("li").text(r));
    box.appendElement("p").addClass("source").text("Decided by rule " + d.recommendation().rule()
        + " (see docs/evaluation-reports.md).");
  }

  private static void summary(Element main, Report report) {
    RunStatistics stats = report.statistics();
    Element section = main.appendElement("section").attr("id", "summary");
    section.appendElement("h2").text("Pass rates");
    Element charts = section.appendElement("div").addClass("charts");
    HtmlCharts.passRates(charts, report.run().setups(), stats);
    HtmlCharts.labels(charts, report.run().setups(), stats);
    Element table = section.appendElement("table").attr("id", "pass-rates");
    Element head = table.appendElement("thead").appendElement("tr");
    int level = (int) Math.round(stats.config().confidence() * 100);
    for (String h : List.of("setup", "model", "context", "passed", "pass rate", level + "% CI",
        "consistent")) {
      head.appendElement("th").text(h);
    }
    for (FailureLabel label : FailureLabel.values()) {
      head.appendElement("th").text(HtmlCharts.labelName(label));
    }
    Element tbody = table.appendElement("tbody");
    for (SetupInfo setup : report.run().setups()) {
      SetupStats s = stats.setup(setup.id()).orElseThrow();
      Element row = tbody.appendElement("tr").attr("data-setup", setup.id());
      row.appendElement("td").text(setup.id());
      row.appendElement("td").text(setup.model() + (setup.adapter().isEmpty() ? "" : " + " + setup.adapter()));
      row.appendElement("td").text(setup.context());
      row.appendElement("td").addClass("num").text(s.passed() + "/" + s.cases());
      row.appendElement("td").addClass("num").text(Fmt.percent(s.passRate()));
      row.appendElement("td").addClass("num").text(s.interval().map(Fmt::percent).orElse("–"));
      row.appendElement("td").addClass("num").text(s.consistency().map(c -> Fmt.percent(c.value())
          + " (" + Fmt.percent(c.interval()) + ")").orElse("–"));
      for (FailureLabel label : FailureLabel.values()) {
        row.appendElement("td").addClass("num").text(String.valueOf(s.labels().get(label)));
      }
    }
    section.appendElement("p").addClass("source").text("Intervals: percentile bootstrap over cases, "
        + stats.config().resamples() + " resamples, seeded with the run's seed " + stats.seed()
        + ". Consistent: the share of cases passing in every sample (with more than one sample).");
    if (!stats.pairs().isEmpty()) {
      pairs(section, stats);
    }
  }

  private static void pairs(Element section, RunStatistics stats) {
    section.appendElement("h2").text("Paired tests");
    Element table = section.appendElement("table").attr("id", "pairs");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("first", "second", "cases", "only first", "only second", "difference",
        "interval", "p (exact McNemar)", "Holm p", "significant", "detectable")) {
      head.appendElement("th").text(h);
    }
    Element tbody = table.appendElement("tbody");
    for (PairTest p : stats.pairs()) {
      Element row = tbody.appendElement("tr");
      row.appendElement("td").text(p.first());
      row.appendElement("td").text(p.second());
      row.appendElement("td").addClass("num").text(String.valueOf(p.cases()));
      row.appendElement("td").addClass("num").text(String.valueOf(p.firstOnly()));
      row.appendElement("td").addClass("num").text(String.valueOf(p.secondOnly()));
      row.appendElement("td").addClass("num").text(p.difference().map(e -> Fmt.points(e.value())).orElse("–"));
      row.appendElement("td").addClass("num").text(p.difference().map(e -> Fmt.points(e.interval())).orElse("–"));
      row.appendElement("td").addClass("num").text(Fmt.p(p.pValue()));
      row.appendElement("td").addClass("num").text(Fmt.p(p.holmPValue()));
      row.appendElement("td").text(p.significant() ? "yes" : "no");
      row.appendElement("td").addClass("num").text(p.detectableEffect().map(Fmt::percent).orElse("none"));
    }
    section.appendElement("p").addClass("source").text(Power.sentence(stats));
  }

  private static void diagnosis(Element main, Diagnosis d, Map<String, String> anchors) {
    Element section = main.appendElement("section").attr("id", "diagnosis");
    section.appendElement("h2").text("Diagnosis");
    Element list = section.appendElement("ul").addClass("statements");
    for (Statement s : d.statements()) {
      Element item = list.appendElement("li").addClass("statement").attr("data-key", s.key());
      item.appendElement("span").text(s.text());
      caseLinks(item, s.caseIds(), anchors);
    }
    Element table = section.appendElement("table").attr("id", "signatures");
    Element head = table.appendElement("thead").appendElement("tr");
    d.setups().forEach(s -> head.appendElement("th").text(s));
    head.appendElement("th").text("group");
    head.appendElement("th").text("cases");
    head.appendElement("th").text("ids");
    Element tbody = table.appendElement("tbody");
    for (SignatureRow row : d.table()) {
      Element tr = tbody.appendElement("tr").attr("data-group", row.group().name());
      for (Outcome o : row.signature()) {
        tr.appendElement("td").addClass("sym-" + o.name().toLowerCase(Locale.ROOT))
            .text(o == Outcome.PASS ? "✓" : o == Outcome.FAIL ? "✗" : "–");
      }
      tr.appendElement("td").text(row.group().description());
      tr.appendElement("td").addClass("num").text(String.valueOf(row.caseIds().size()));
      caseLinks(tr.appendElement("td"), row.caseIds(), anchors);
    }
    section.appendElement("p").addClass("source").text("✓ pass, ✗ fail, – no result. Groups: "
        + String.join("; ", java.util.Arrays.stream(Group.values()).map(Group::description).toList()) + ".");
  }

  private static void caseLinks(Element parent, List<String> ids, Map<String, String> anchors) {
    if (ids.isEmpty()) {
      return;
    }
    Element span = parent.appendElement("span").addClass("ids");
    span.appendText(" ");
    for (String id : ids) {
      span.appendElement("a").attr("href", "#" + anchors.get(id)).text(id);
    }
  }

  private static void usage(Element main, Report report) {
    Element section = main.appendElement("section").attr("id", "usage");
    section.appendElement("h2").text("Usage and cost");
    Element table = section.appendElement("table");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("setup", "calls", "cached", "prompt tokens / query",
        "completion tokens / query", "cost", "cost / 1,000 queries")) {
      head.appendElement("th").text(h);
    }
    Element tbody = table.appendElement("tbody");
    for (SetupUsage u : report.usage()) {
      Element row = tbody.appendElement("tr");
      row.appendElement("td").text(u.setupId());
      row.appendElement("td").addClass("num").text(String.valueOf(u.calls()));
      row.appendElement("td").addClass("num").text(String.valueOf(u.cachedCalls()));
      row.appendElement("td").addClass("num").text(Fmt.oneDecimal(u.promptTokensPerQuery()));
      row.appendElement("td").addClass("num").text(Fmt.oneDecimal(u.completionTokensPerQuery()));
      row.appendElement("td").addClass("num").text(Fmt.usd(u.costUsd()));
      row.appendElement("td").addClass("num").text(Fmt.usd(u.costPer1kQueries()));
    }
    report.latency().ifPresent(latency -> {
      Element own = main.appendElement("section").attr("id", "latency");
      own.appendElement("h2").text("Latency (differs between runs)");
      own.appendElement("p").addClass("source").text("Shown on request only: with it, two reports"
          + " of identical runs are no longer byte-identical. Cached calls are left out.");
      Element t = own.appendElement("table");
      Element h = t.appendElement("thead").appendElement("tr");
      for (String name : List.of("setup", "calls", "median ms", "p95 ms", "max ms")) {
        h.appendElement("th").text(name);
      }
      Element b = t.appendElement("tbody");
      for (SetupLatency l : latency) {
        Element row = b.appendElement("tr");
        row.appendElement("td").text(l.setupId());
        row.appendElement("td").addClass("num").text(String.valueOf(l.calls()));
        row.appendElement("td").addClass("num").text(String.valueOf(l.medianMillis()));
        row.appendElement("td").addClass("num").text(String.valueOf(l.p95Millis()));
        row.appendElement("td").addClass("num").text(String.valueOf(l.maxMillis()));
      }
    });
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report resource " + name, e);
    }
  }
}
