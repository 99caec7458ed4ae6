package dev.ragft.eval.report;

import dev.ragft.eval.diagnosis.CaseDiagnosis;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown summary: run, pass rates with intervals, failure labels, paired tests, the
 * diagnosis with its recommendation and evidence, the signature table, usage, and (on request)
 * latency. Model output never appears; every text from the run is escaped for Markdown.
 */
public final class MarkdownReport {

  private MarkdownReport() {
  }

  /** The report as Markdown text with {@code \n} line ends. */
  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    RunInfo info = report.run().info();
    md.append("# ragft evaluation: ").append(esc(info.runId())).append("\n\n");
    md.append("- dataset: ").append(esc(info.dataset())).append('\n');
    md.append("- corpus version: ").append(esc(info.corpusVersion())).append('\n');
    md.append("- cases: ").append(report.run().cases().size()).append(", samples per case: ")
        .append(info.samples()).append(", temperature: ").append(Fmt.decimal(info.temperature()))
        .append(", seed: ").append(info.seed()).append('\n');
    info.notes().forEach((k, v) -> md.append("- note ").append(esc(k)).append(": ").append(esc(v))
        .append('\n'));
    recommendation(md, report.diagnosis());
    summary(md, report);
    pairs(md, report.statistics());
    diagnosis(md, report.diagnosis());
    usage(md, report);
    latency(md, report);
    return md.toString();
  }

  private static void recommendation(StringBuilder md, Diagnosis d) {
    md.append("\n## Recommendation\n\n**").append(esc(d.recommendation().kind().phrase()))
        .append("** (rule `").append(d.recommendation().rule()).append("`): ")
        .append(esc(d.recommendation().headline())).append("\n\n");
    for (String reason : d.recommendation().reasons()) {
      md.append("- ").append(esc(reason)).append('\n');
    }
  }

  private static void summary(StringBuilder md, Report report) {
    RunStatistics stats = report.statistics();
    int level = (int) Math.round(stats.config().confidence() * 100);
    md.append("\n## Pass rates\n\n| setup | model | context | passed | pass rate | ").append(level)
        .append("% CI | consistent |");
    for (FailureLabel label : FailureLabel.values()) {
      md.append(' ').append(label.name().toLowerCase(Locale.ROOT)).append(" |");
    }
    md.append("\n|---|---|---|---:|---:|---|---:|").append("---:|".repeat(FailureLabel.values().length))
        .append('\n');
    for (SetupInfo setup : report.run().setups()) {
      SetupStats s = stats.setup(setup.id()).orElseThrow();
      md.append("| ").append(esc(setup.id())).append(" | ").append(esc(setup.model()))
          .append(setup.adapter().isEmpty() ? "" : " + " + esc(setup.adapter())).append(" | ")
          .append(esc(setup.context())).append(" | ").append(s.passed()).append('/').append(s.cases())
          .append(" | ").append(Fmt.percent(s.passRate())).append(" | ")
          .append(s.interval().map(Fmt::percent).orElse("–")).append(" | ")
          .append(s.consistency().map(c -> Fmt.percent(c.value())).orElse("–")).append(" |");
      for (FailureLabel label : FailureLabel.values()) {
        md.append(' ').append(s.labels().get(label)).append(" |");
      }
      md.append('\n');
    }
    md.append("\nIntervals: percentile bootstrap, ").append(stats.config().resamples())
        .append(" resamples, seed ").append(stats.seed()).append(".");
    if (report.run().results().stream().anyMatch(r -> r.samples().size() > 1)) {
      md.append(" Consistent: the share of cases passing in every sample.");
    }
    md.append('\n');
  }

  private static void pairs(StringBuilder md, RunStatistics stats) {
    if (stats.pairs().isEmpty()) {
      return;
    }
    md.append("\n## Paired tests (exact McNemar, Holm-corrected)\n\n")
        .append("| first | second | cases | only first | only second | difference | interval | p | Holm p | significant | detectable |\n")
        .append("|---|---|---:|---:|---:|---:|---|---:|---:|---|---:|\n");
    for (PairTest p : stats.pairs()) {
      md.append("| ").append(esc(p.first())).append(" | ").append(esc(p.second())).append(" | ")
          .append(p.cases()).append(" | ").append(p.firstOnly()).append(" | ")
          .append(p.secondOnly()).append(" | ")
          .append(p.difference().map(e -> Fmt.points(e.value())).orElse("–")).append(" | ")
          .append(p.difference().map(e -> Fmt.points(e.interval())).orElse("–")).append(" | ")
          .append(Fmt.p(p.pValue())).append(" | ").append(Fmt.p(p.holmPValue())).append(" | ")
          .append(p.significant() ? "yes" : "no").append(" | ")
          .append(p.detectableEffect().map(Fmt::percent).orElse("none")).append(" |\n");
    }
    md.append('\n').append(Power.sentence(stats)).append('\n');
  }

  private static void diagnosis(StringBuilder md, Diagnosis d) {
    md.append("\n## Diagnosis\n\n");
    for (Statement s : d.statements()) {
      md.append("- ").append(esc(s.text()));
      if (!s.caseIds().isEmpty()) {
        md.append(" Cases: ").append(ids(s.caseIds()));
      }
      md.append('\n');
    }
    md.append("\n| ");
    d.setups().forEach(s -> md.append(esc(s)).append(" | "));
    md.append("group | cases | ids |\n|");
    md.append("---|".repeat(d.setups().size())).append("---|---:|---|\n");
    for (SignatureRow row : d.table()) {
      md.append("| ");
      for (Outcome o : row.signature()) {
        md.append(symbol(o)).append(" | ");
      }
      md.append(esc(row.group().description())).append(" | ").append(row.caseIds().size())
          .append(" | ").append(ids(row.caseIds())).append(" |\n");
    }
    md.append("\npass ✓, fail ✗, no result –.\n");
    Map<Group, Integer> groups = d.groups();
    md.append("\n| group | cases |\n|---|---:|\n");
    groups.forEach((g, n) -> md.append("| ").append(g.description()).append(" | ").append(n)
        .append(" |\n"));
    long incomplete = d.cases().stream().filter(c -> c.group() == Group.INCOMPLETE).count();
    if (incomplete > 0) {
      md.append("\n").append(incomplete).append(" cases have no baseline result: ")
          .append(ids(d.cases().stream().filter(c -> c.group() == Group.INCOMPLETE)
              .map(CaseDiagnosis::caseId).toList())).append('\n');
    }
  }

  private static void usage(StringBuilder md, Report report) {
    md.append("\n## Usage and cost\n\n| setup | calls | cached | prompt tokens / query | completion tokens / query | cost | cost / 1,000 queries |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (SetupUsage u : report.usage()) {
      md.append("| ").append(esc(u.setupId())).append(" | ").append(u.calls()).append(" | ")
          .append(u.cachedCalls()).append(" | ").append(Fmt.oneDecimal(u.promptTokensPerQuery()))
          .append(" | ").append(Fmt.oneDecimal(u.completionTokensPerQuery())).append(" | ")
          .append(Fmt.usd(u.costUsd())).append(" | ").append(Fmt.usd(u.costPer1kQueries()))
          .append(" |\n");
    }
  }

  private static void latency(StringBuilder md, Report report) {
    report.latency().ifPresent(list -> {
      md.append("\n## Latency (differs between runs)\n\n| setup | calls | median ms | p95 ms | max ms |\n")
          .append("|---|---:|---:|---:|---:|\n");
      for (SetupLatency l : list) {
        md.append("| ").append(esc(l.setupId())).append(" | ").append(l.calls()).append(" | ")
            .append(l.medianMillis()).append(" | ").append(l.p95Millis()).append(" | ")
            .append(l.maxMillis()).append(" |\n");
      }
    });
  }

  private static String symbol(Outcome outcome) {
    return switch (outcome) {
      case PASS -> "✓";
      case FAIL -> "✗";
      case MISSING -> "–";
    };
  }

  private static String ids(List<String> ids) {
    return String.join(", ", ids.stream().map(id -> "`" + id.replace("`", "'") + "`").toList());
  }

  /**
   * Escapes text for Markdown: punctuation that could start markup or close a table cell is
   * backslash-escaped, and line breaks become spaces.
   */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if ("\\`*_{}[]<>()#+-!|~&".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
