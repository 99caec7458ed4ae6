package dev.ragft.eval.report;

import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.stats.RunStatistics;
import dev.ragft.eval.stats.SetupStats;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * The report's charts as inline SVG: pass rates with interval whiskers, and failures by label,
 * one bar per setup. Coordinates are formatted with one decimal in {@code Locale.ROOT}.
 */
final class HtmlCharts {

  private static final int LEFT = 130;
  private static final int WIDTH = 460;
  private static final int ROW = 30;
  private static final int TOP = 10;
  private static final String[] COLOURS = {"#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457"};

  private HtmlCharts() {
  }

  /** A horizontal bar per setup: the pass rate, with a whisker over its interval. */
  static void passRates(Element parent, List<SetupInfo> setups, RunStatistics stats) {
    int height = TOP + ROW * setups.size() + 30;
    Element figure = parent.appendElement("figure").attr("id", "chart-pass-rates");
    Element svg = svg(figure, height, "Pass rate per setup with confidence interval");
    for (int tick = 0; tick <= 4; tick++) {
      double x = LEFT + WIDTH * tick / 4.0;
      line(svg, x, TOP, x, TOP + ROW * setups.size(), "#d9d9d9");
      text(svg, x, height - 8, (tick * 25) + "%", "middle");
    }
    for (int i = 0; i < setups.size(); i++) {
      SetupStats s = stats.setup(setups.get(i).id()).orElseThrow();
      double y = TOP + ROW * i;
      text(svg, LEFT - 8, y + 19, setups.get(i).id(), "end");
      Element bar = svg.appendElement("rect").attr("x", n(LEFT)).attr("y", n(y + 6))
          .attr("width", n(WIDTH * s.passRate())).attr("height", "16").attr("fill", "#2e7d32")
          .attr("class", "bar").attr("data-setup", s.setupId());
      bar.appendElement("title").text(s.setupId() + ": " + Fmt.percent(s.passRate())
          + s.interval().map(iv -> " (" + Fmt.percent(iv) + ")").orElse(""));
      s.interval().ifPresent(iv -> {
        double lo = LEFT + WIDTH * iv.low();
        double hi = LEFT + WIDTH * iv.high();
        line(svg, lo, y + 14, hi, y + 14, "#1b1b1b").attr("class", "whisker");
        line(svg, lo, y + 8, lo, y + 20, "#1b1b1b");
        line(svg, hi, y + 8, hi, y + 20, "#1b1b1b");
      });
      text(svg, LEFT + WIDTH * s.passRate() + 4, y + 4, Fmt.percent(s.passRate()), "start")
          .attr("font-size", "11");
    }
    figure.appendElement("figcaption").text("Pass rate per setup; whiskers: "
        + Math.round(stats.config().confidence() * 100) + "% bootstrap interval.");
  }

  /** A stacked bar per setup: its failures by label. */
  static void labels(Element parent, List<SetupInfo> setups, RunStatistics stats) {
    int max = setups.stream().mapToInt(s -> stats.setup(s.id()).orElseThrow().cases()).max().orElse(0);
    FailureLabel[] labels = FailureLabel.values();
    int height = TOP + ROW * setups.size() + 26 + 18 * labels.length;
    Element figure = parent.appendElement("figure").attr("id", "chart-labels");
    Element svg = svg(figure, height, "Failures per setup by label");
    for (int i = 0; i < setups.size(); i++) {
      SetupStats s = stats.setup(setups.get(i).id()).orElseThrow();
      double y = TOP + ROW * i;
      text(svg, LEFT - 8, y + 19, setups.get(i).id(), "end");
      double x = LEFT;
      for (int l = 0; l < labels.length; l++) {
        int count = s.labels().get(labels[l]);
        if (count == 0 || max == 0) {
          continue;
        }
        double w = (double) WIDTH * count / max;
        svg.appendElement("rect").attr("x", n(x)).attr("y", n(y + 6)).attr("width", n(w))
            .attr("height", "16").attr("fill", COLOURS[l])
            .attr("class", "segment " + labels[l].name().toLowerCase(Locale.ROOT))
            .appendElement("title").text(s.setupId() + ": " + count + " " + labelName(labels[l]));
        x += w;
      }
      text(svg, x + 4, y + 19, s.failed() + " of " + s.cases() + " fail", "start")
          .attr("font-size", "11");
    }
    double legendY = TOP + ROW * setups.size() + 14;
    for (int l = 0; l < labels.length; l++) {
      double y = legendY + 18 * l;
      svg.appendElement("rect").attr("x", n(LEFT)).attr("y", n(y)).attr("width", "12")
          .attr("height", "12").attr("fill", COLOURS[l]);
      text(svg, LEFT + 18, y + 10, labelName(labels[l]), "start");
    }
    figure.appendElement("figcaption").text("Failures per setup by label (first sample).");
  }

  /** A label's name for people, e.g. {@code retrieval miss}. */
  static String labelName(FailureLabel label) {
    return switch (label) {
      case KNOWLEDGE -> "knowledge";
      case BEHAVIOUR -> "behaviour";
      case KNOWLEDGE_AND_BEHAVIOUR -> "knowledge and behaviour";
      case RETRIEVAL_MISS -> "retrieval miss";
      case GROUNDING -> "grounding";
    };
  }

  private static Element svg(Element figure, int height, String title) {
    Element svg = figure.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", String.valueOf(LEFT + WIDTH + 90)).attr("height", String.valueOf(height))
        .attr("viewBox", "0 0 " + (LEFT + WIDTH + 90) + " " + height).attr("role", "img")
        .attr("font-family", "system-ui, sans-serif").attr("font-size", "13");
    svg.appendElement("title").text(title);
    return svg;
  }

  private static Element line(Element svg, double x1, double y1, double x2, double y2, String colour) {
    return svg.appendElement("line").attr("x1", n(x1)).attr("y1", n(y1)).attr("x2", n(x2))
        .attr("y2", n(y2)).attr("stroke", colour).attr("stroke-width", "1.5");
  }

  private static Element text(Element svg, double x, double y, String value, String anchor) {
    return svg.appendElement("text").attr("x", n(x)).attr("y", n(y)).attr("text-anchor", anchor)
        .text(value);
  }

  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
