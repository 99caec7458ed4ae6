package dev.ragft.eval.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.nodes.Element;

/**
 * Appends text to an element with the case's required-fact matches wrapped in {@code <mark>} and,
 * in answers, citations {@code [n]} turned into links to the cited passage. Overlapping matches
 * merge; a pattern that does not compile is skipped.
 */
final class Highlighter {

  private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,4})\\]");

  private final List<Pattern> facts = new ArrayList<>();

  Highlighter(List<String> factPatterns) {
    for (String source : factPatterns) {
      try {
        facts.add(Pattern.compile(source));
      } catch (PatternSyntaxException e) {
        // A pattern another tool wrote badly only loses its highlight; the report still renders.
        continue;
      }
    }
  }

  /** Whether any fact pattern is found in {@code text}. */
  boolean anyFact(String text) {
    return !ranges(text).isEmpty();
  }

  /**
   * Appends {@code text}, marking facts and linking citations whose number is a key of
   * {@code citationTargets} (the value is the element id of the passage).
   */
  void append(Element parent, String text, Map<Integer, String> citationTargets) {
    int at = 0;
    for (int[] range : ranges(text)) {
      appendCitations(parent, text.substring(at, range[0]), citationTargets);
      appendCitations(parent.appendElement("mark"), text.substring(range[0], range[1]), citationTargets);
      at = range[1];
    }
    appendCitations(parent, text.substring(at), citationTargets);
  }

  /** The cited numbers in {@code answer}, in order of first appearance, without repeats. */
  static List<Integer> citations(String answer) {
    List<Integer> numbers = new ArrayList<>();
    Matcher m = CITATION.matcher(answer);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (!numbers.contains(n)) {
        numbers.add(n);
      }
    }
    return numbers;
  }

  private List<int[]> ranges(String text) {
    List<int[]> found = new ArrayList<>();
    for (Pattern p : facts) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) {
          found.add(new int[] {m.start(), m.end()});
        }
      }
    }
    found.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : found) {
      if (!merged.isEmpty() && r[0] <= merged.getLast()[1]) {
        merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
      } else {
        merged.add(new int[] {r[0], r[1]});
      }
    }
    return merged;
  }

  private static void appendCitations(Element parent, String text, Map<Integer, String> targets) {
    if (targets.isEmpty()) {
      parent.appendText(text);
      return;
    }
    Matcher m = CITATION.matcher(text);
    int at = 0;
    while (m.find()) {
      String target = targets.get(Integer.parseInt(m.group(1)));
      if (target == null) {
        continue;
      }
      parent.appendText(text.substring(at, m.start()));
      parent.appendElement("a").addClass("cite").attr("href", "#" + target).text(m.group());
      at = m.end();
    }
    parent.appendText(text.substring(at));
  }
}
