package dev.ragft.eval.compare;

import java.util.List;
import java.util.Locale;

/** The comparison as plain text for a terminal: one line per setup, then the flipped cases. */
public final class ComparisonText {

  private ComparisonText() {
  }

  /** The comparison as text with {@code \n} line ends. */
  public static String render(RunComparison c) {
    StringBuilder out = new StringBuilder();
    out.append("compare ").append(c.before()).append(" (A) -> ").append(c.after()).append(" (B)\n");
    out.append(String.format(Locale.ROOT, "%-16s %6s %8s %8s %9s  %-21s %5s %5s%n", "setup", "cases",
        "A", "B", "delta", "interval", "P->F", "F->P"));
    for (SetupComparison s : c.setups()) {
      out.append(String.format(Locale.ROOT, "%-16s %6d %7.1f%% %7.1f%% %s  %-21s %5d %5d%n",
          s.setupId(), s.paired(), s.passRateBefore() * 100, s.passRateAfter() * 100,
          s.delta().map(d -> String.format(Locale.ROOT, "%+7.1fpp", d.value() * 100)).orElse("        –"),
          s.delta().map(d -> String.format(Locale.ROOT, "[%+.1f, %+.1f]pp", d.interval().low() * 100,
              d.interval().high() * 100)).orElse("–"),
          s.passToFail().size(), s.failToPass().size()));
    }
    out.append(String.format(Locale.ROOT, "flips: %d pass->fail, %d fail->pass (paired bootstrap "
        + "seed %d)%n", c.passToFail(), c.failToPass(), c.seed()));
    for (SetupComparison s : c.setups()) {
      list(out, s.setupId() + " pass->fail", s.passToFail());
      list(out, s.setupId() + " fail->pass", s.failToPass());
      list(out, s.setupId() + " only in A", s.onlyBefore());
      list(out, s.setupId() + " only in B", s.onlyAfter());
    }
    list(out, "setups only in A", c.setupsOnlyBefore());
    list(out, "setups only in B", c.setupsOnlyAfter());
    return out.toString();
  }

  private static void list(StringBuilder out, String title, List<String> ids) {
    if (!ids.isEmpty()) {
      out.append(title).append(": ").append(String.join(", ", ids)).append('\n');
    }
  }
}
