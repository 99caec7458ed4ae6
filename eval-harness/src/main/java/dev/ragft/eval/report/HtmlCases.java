package dev.ragft.eval.report;

import dev.ragft.eval.diagnosis.CaseDiagnosis;
import dev.ragft.eval.diagnosis.Group;
import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.result.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The per-case view: for each case its question, reference and group, then one column per setup
 * with the answer (facts marked, citations linked), the verdict and label, failed checks, the
 * retrieved context with gold passages highlighted and fact matches marked, and further samples.
 */
final class HtmlCases {

  private final Report report;
  private final Map<String, String> anchors;
  private final Map<String, CaseDiagnosis> diagnoses = new HashMap<>();
  private final Map<String, Map<String, CaseResult>> results = new HashMap<>();

  HtmlCases(Report report, Map<String, String> anchors) {
    this.report = report;
    this.anchors = anchors;
    report.diagnosis().cases().forEach(c -> diagnoses.put(c.caseId(), c));
    for (CaseResult r : report.run().results()) {
      results.computeIfAbsent(r.caseId(), id -> new HashMap<>()).put(r.setupId(), r);
    }
  }

  void append(Element main) {
    Element section = main.appendElement("section").attr("id", "cases");
    section.appendElement("h2").text("Cases side by side");
    toolbar(section);
    Element layout = section.appendElement("div").addClass("case-layout");
    layout.appendElement("nav").attr("id", "case-nav").attr("aria-label", "cases");
    Element list = layout.appendElement("div").attr("id", "case-list");
    for (CaseInfo info : report.run().cases()) {
      caseView(list, info);
    }
  }

  private void toolbar(Element section) {
    Element bar = section.appendElement("div").addClass("toolbar");
    Element group = labelled(bar, "filter-group", "group").appendElement("select").attr("id", "filter-group");
    group.appendElement("option").attr("value", "").text("all groups");
    for (Group g : Group.values()) {
      group.appendElement("option").attr("value", g.name()).text(g.description());
    }
    Element setup = labelled(bar, "filter-setup", "setup").appendElement("select").attr("id", "filter-setup");
    setup.appendElement("option").attr("value", "").text("any setup");
    report.run().setups().forEach(s -> setup.appendElement("option").attr("value", s.id()).text(s.id()));
    Element outcome = labelled(bar, "filter-outcome", "outcome").appendElement("select").attr("id", "filter-outcome");
    outcome.appendElement("option").attr("value", "").text("passes or fails");
    outcome.appendElement("option").attr("value", "pass").text("passes");
    outcome.appendElement("option").attr("value", "fail").text("fails");
    labelled(bar, "filter-text", "search").appendElement("input").attr("id", "filter-text")
        .attr("type", "search").attr("placeholder", "text in the case");
    bar.appendElement("button").attr("type", "button").attr("id", "case-prev").text("◀ previous (k)");
    bar.appendElement("button").attr("type", "button").attr("id", "case-next").text("next (j) ▶");
    bar.appendElement("button").attr("type", "button").attr("id", "case-expand")
        .attr("aria-pressed", "false").text("expand all");
    bar.appendElement("button").attr("type", "button").attr("id", "case-present")
        .attr("aria-pressed", "false").text("present one case");
    bar.appendElement("span").attr("id", "case-count")
        .text(report.run().cases().size() + " cases (enable JavaScript to filter)");
    bar.appendElement("span").attr("id", "case-position");
  }

  private static Element labelled(Element bar, String id, String text) {
    Element label = bar.appendElement("label").attr("for", id);
    label.appendText(text + " ");
    return label;
  }

  private void caseView(Element list, CaseInfo info) {
    CaseDiagnosis diagnosis = diagnoses.get(info.id());
    Map<String, CaseResult> bySetup = results.getOrDefault(info.id(), Map.of());
    List<String> passing = new ArrayList<>();
    List<String> failing = new ArrayList<>();
    for (SetupInfo setup : report.run().setups()) {
      CaseResult r = bySetup.get(setup.id());
      if (r != null) {
        (r.passed() ? passing : failing).add(setup.id());
      }
    }
    Element section = list.appendElement("section").addClass("case").attr("id", anchors.get(info.id()))
        .attr("data-case", info.id()).attr("data-group", diagnosis.group().name())
        .attr("data-group-text", diagnosis.group().description())
        .attr("data-pass", String.join(" ", passing)).attr("data-fail", String.join(" ", failing));
    Element title = section.appendElement("h3");
    title.appendText(info.id());
    title.appendElement("span").addClass("group").text(diagnosis.group().description());
    Highlighter highlighter = new Highlighter(info.factPatterns());
    section.appendElement("p").addClass("question").text(info.question());
    if (!info.reference().isEmpty()) {
      Element ref = section.appendElement("p").addClass("reference");
      ref.appendText("Reference: ");
      highlighter.append(ref, info.reference(), Map.of());
    }
    section.appendElement("p").addClass("meta").text("category " + info.category()
        + (info.goldDocIds().isEmpty() ? " · no gold documents" : " · gold: "
            + String.join(", ", info.goldDocIds())));
    Element grid = section.appendElement("div").addClass("setups").attr("style",
        "grid-template-columns: repeat(" + report.run().setups().size() + ", minmax(15rem, 1fr))");
    int column = 0;
    for (SetupInfo setup : report.run().setups()) {
      column++;
      setupView(grid, anchors.get(info.id()) + "-s" + column, setup, bySetup.get(setup.id()),
          highlighter);
    }
  }

  private void setupView(Element grid, String prefix, SetupInfo setup, CaseResult result,
      Highlighter highlighter) {
    Element card = grid.appendElement("article").addClass("setup").attr("data-setup", setup.id());
    Element head = card.appendElement("header");
    head.appendElement("span").text(setup.id());
    if (result == null) {
      card.addClass("missing");
      head.appendElement("span").addClass("badge").text("NO RESULT");
      return;
    }
    card.addClass(result.passed() ? "pass" : "fail");
    head.appendElement("span").addClass("badge").text(result.passed() ? "PASS" : "FAIL");
    Map<Integer, String> targets = new LinkedHashMap<>();
    for (int i = 0; i < result.context().size(); i++) {
      targets.putIfAbsent(result.context().get(i).number(), prefix + "-p" + (i + 1));
    }
    Sample first = result.samples().getFirst();
    sample(card, first, targets, highlighter, result);
    result.retrieval().ifPresent(r -> card.appendElement("p").addClass("retrieval").text(String.format(
        Locale.ROOT, "retrieval: hit@%d %s · reciprocal rank %s · nDCG@%d %s", r.k(),
        Fmt.decimal(r.hit()), Fmt.decimal(r.reciprocalRank()), r.k(), Fmt.decimal(r.ndcg()))));
    if (!result.context().isEmpty()) {
      context(card, prefix, result, first, highlighter);
    }
    if (result.samples().size() > 1) {
      Element more = card.appendElement("details").addClass("samples");
      long passed = result.samples().stream().filter(s -> s.verdict().passed()).count();
      more.appendElement("summary").text("samples: " + passed + " of " + result.samples().size()
          + " pass");
      for (Sample s : result.samples().subList(1, result.samples().size())) {
        Element box = more.appendElement("div").addClass("sample");
        box.appendElement("div").addClass("source").text("sample " + (s.index() + 1) + ": "
            + (s.verdict().passed() ? "pass" : "fail"));
        sample(box, s, targets, highlighter, result);
      }
    }
  }

  private static void sample(Element parent, Sample sample, Map<Integer, String> targets,
      Highlighter highlighter, CaseResult result) {
    if (sample.verdict() instanceof Verdict.Fail fail) {
      parent.appendElement("div").addClass("label").text(HtmlCharts.labelName(fail.label()));
      parent.appendElement("p").addClass("reason").text(fail.reason());
    }
    highlighter.append(parent.appendElement("pre").addClass("answer"), sample.answer(), targets);
    List<Integer> cited = Highlighter.citations(sample.answer());
    if (!cited.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (int n : cited) {
        Passage p = result.context().stream().filter(x -> x.number() == n).findFirst().orElse(null);
        parts.add("[" + n + "] " + (p == null ? "not in the context" : p.docId()
            + (p.gold() ? " (gold)" : "")));
      }
      parent.appendElement("p").addClass("citations").text("cites " + String.join(" · ", parts));
    }
    List<Check> failed = sample.checks().stream().filter(c -> !c.passed()).toList();
    if (!failed.isEmpty()) {
      Element checks = parent.appendElement("ul").addClass("checks");
      for (Check c : failed) {
        checks.appendElement("li").addClass("failed").text(c.name() + (c.gating() ? "" : " (informational)")
            + (c.detail().isEmpty() ? "" : ": " + c.detail()));
      }
    }
  }

  private static void context(Element card, String prefix, CaseResult result, Sample first,
      Highlighter highlighter) {
    long gold = result.context().stream().filter(Passage::gold).count();
    List<Integer> cited = Highlighter.citations(first.answer());
    Element details = card.appendElement("details").addClass("context");
    details.appendElement("summary").text("context: " + result.context().size() + " passage(s), "
        + gold + " gold");
    Element list = details.appendElement("ol").addClass("passages");
    for (int i = 0; i < result.context().size(); i++) {
      Passage p = result.context().get(i);
      Element item = list.appendElement("li").addClass("passage").attr("id", prefix + "-p" + (i + 1));
      if (p.gold()) {
        item.addClass("gold");
      }
      if (cited.contains(p.number())) {
        item.addClass("cited");
      }
      item.appendElement("div").addClass("source").text(String.format(Locale.ROOT,
          "[%d] %s · version %s · %s · %d–%d%s", p.number(), p.docId(), p.version(), p.source(),
          p.start(), p.end(), p.gold() ? " · gold" : ""));
      highlighter.append(item.appendElement("pre"), p.text(), Map.of());
    }
  }
}
