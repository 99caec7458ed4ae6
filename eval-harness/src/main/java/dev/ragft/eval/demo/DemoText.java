package dev.ragft.eval.demo;

import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.compare.SetupComparison;
import dev.ragft.eval.cost.CostSummary;
import dev.ragft.eval.cost.SetupCost;
import dev.ragft.eval.diagnosis.Diagnosis;
import dev.ragft.eval.diagnosis.Group;
import dev.ragft.eval.diagnosis.Statement;
import dev.ragft.eval.report.Report;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.stats.SetupStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's tables and sentences, as plain text for a terminal. */
final class DemoText {

  /** Case ids listed after a statement before "and N more". */
  private static final int IDS_SHOWN = 6;

  private DemoText() {
  }

  /** The pass rates, failure labels and prompt sizes of every setup, then the diagnosis. */
  static void results(PrintWriter out, Report report, CostSummary costs) {
    out.println(String.format(Locale.ROOT, "  %-10s %7s %6s  %-13s %5s %5s %5s %5s %5s  %7s",
        "setup", "passed", "rate", "95% interval", "know", "behav", "both", "miss", "grnd",
        "prompt"));
    for (SetupStats stats : report.statistics().setups()) {
      Map<FailureLabel, Integer> labels = stats.labels();
      double prompt = costs.setups().stream().filter(c -> c.setupId().equals(stats.setupId()))
          .mapToDouble(SetupCost::meanPromptTokens).findFirst().orElse(0);
      out.println(String.format(Locale.ROOT,
          "  %-10s %3d/%-3d %5.1f%%  %-13s %5d %5d %5d %5d %5d  %7.0f", stats.setupId(),
          stats.passed(), stats.cases(), 100 * stats.passRate(),
          stats.interval().map(i -> String.format(Locale.ROOT, "[%.0f%%, %.0f%%]",
              100 * i.low(), 100 * i.high())).orElse("-"),
          labels.getOrDefault(FailureLabel.KNOWLEDGE, 0),
          labels.getOrDefault(FailureLabel.BEHAVIOUR, 0),
          labels.getOrDefault(FailureLabel.KNOWLEDGE_AND_BEHAVIOUR, 0),
          labels.getOrDefault(FailureLabel.RETRIEVAL_MISS, 0),
          labels.getOrDefault(FailureLabel.GROUNDING, 0), prompt));
    }
    out.println("  failures: know = knowledge, behav = behaviour, both = knowledge and"
        + " behaviour, miss = retrieval missed the gold document, grnd = gold retrieved but not"
        + " used; prompt = mean prompt tokens");
    Diagnosis diagnosis = report.diagnosis();
    out.println();
    out.println("  Cases by what fixes them:");
    for (Map.Entry<Group, Integer> group : diagnosis.groups().entrySet()) {
      if (group.getValue() > 0) {
        out.println(String.format(Locale.ROOT, "    %3d  %s", group.getValue(),
            group.getKey().description()));
      }
    }
    out.println();
    out.println("  Diagnosis: " + diagnosis.recommendation().headline());
    for (String reason : diagnosis.recommendation().reasons()) {
      out.println("    - " + reason);
    }
    for (Statement statement : diagnosis.statements()) {
      out.println("    * " + statement.text() + ids(statement.caseIds()));
    }
  }

  /** The freshness table of the run on the newer corpus. */
  static void freshness(PrintWriter out, Freshness freshness) {
    out.println("Freshness: " + freshness.facts() + " facts changed in " + freshness.documents()
        + " documents from " + freshness.oldVersion() + " to " + freshness.newVersion()
        + "; over the cases about them:");
    out.println(String.format(Locale.ROOT, "  %-10s %7s  %-22s %-22s", "setup", "passed",
        "replies stating old/new", "contexts holding old/new"));
    for (Freshness.Row row : freshness.rows()) {
      out.println(String.format(Locale.ROOT, "  %-10s %3d/%-3d  %-22s %-22s", row.setupId(),
          row.passed(), row.cases(), row.repliesOld() + " / " + row.repliesNew(),
          row.contexts() == 0 ? "no context" : row.contextsOld() + " / " + row.contextsNew()
              + " of " + row.contexts()));
    }
    freshness.row("rag").ifPresent(rag -> {
      if (rag.contexts() > 0) {
        out.println("  Retrieval follows " + freshness.newVersion() + ": " + rag.contextsNew()
            + " of " + rag.contexts() + " RAG contexts hold a new value, " + rag.contextsOld()
            + " an old one.");
      }
    });
    freshness.row("finetuned").ifPresent(tuned -> out.println("  Without retrieval, the"
        + " fine-tuned model (trained before " + freshness.newVersion() + ") states an old value"
        + " in " + tuned.repliesOld() + " of its " + tuned.cases() + " replies and a new one in "
        + tuned.repliesNew() + ": fine-tuning teaches behaviour; facts that change come from"
        + " retrieval."));
  }

  /** What changed between the two runs on the cases both asked. */
  static void comparison(PrintWriter out, RunComparison comparison, String first, String last) {
    out.println("From corpus " + first + " to " + last + ", on the cases both runs asked"
        + " (ragft eval compare runs/" + first + " runs/" + last + "):");
    for (SetupComparison setup : comparison.setups()) {
      out.println(String.format(Locale.ROOT, "  %-10s %3d cases: %5.1f%% -> %5.1f%%, %d pass->fail,"
          + " %d fail->pass", setup.setupId(), setup.paired(), 100 * setup.passRateBefore(),
          100 * setup.passRateAfter(), setup.passToFail().size(), setup.failToPass().size()));
    }
  }

  private static String ids(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    List<String> shown = ids.subList(0, Math.min(IDS_SHOWN, ids.size()));
    return " (" + String.join(", ", shown)
        + (ids.size() > shown.size() ? ", and " + (ids.size() - shown.size()) + " more" : "")
        + ")";
  }
}
