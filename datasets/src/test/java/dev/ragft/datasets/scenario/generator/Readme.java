package dev.ragft.datasets.scenario.generator;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.scenario.ChangedFact;
import dev.ragft.datasets.scenario.DocumentFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the counts into the scenario README template ({@code @@name@@} markers). */
final class Readme {

  private static final Pattern MARKER = Pattern.compile("@@([a-z0-9.-]+)@@");

  private Readme() {
  }

  static String render(String template, Facts facts, DocumentSet documents,
      Map<Category, Integer> cases, int examples, int pairs, List<ChangedFact> changed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String version : List.of(Facts.V1, Facts.V2)) {
      int total = 0;
      for (DocumentFormat format : DocumentFormat.values()) {
        int count = (int) documents.templates().stream()
            .filter(t -> t.format() == format && t.versions().contains(version)).count();
        values.put("docs." + version + "." + format.wireName(), Integer.toString(count));
        total += count;
      }
      values.put("docs." + version, Integer.toString(total));
    }
    values.put("docs.new", Long.toString(documents.templates().stream()
        .filter(t -> !t.versions().contains(Facts.V1)).count()));
    int changedFacts = 0;
    for (Facts.Fact fact : facts.all()) {
      changedFacts += fact.changed() ? 1 : 0;
    }
    values.put("facts", Integer.toString(facts.size()));
    values.put("facts.changed", Integer.toString(changedFacts));
    values.put("facts.changed.percent",
        Long.toString(Math.round(100.0 * changedFacts / facts.size())));
    values.put("changed.rows", Integer.toString(changed.size()));
    int total = 0;
    for (Category category : Category.values()) {
      int count = cases.getOrDefault(category, 0);
      values.put("cases." + category.wireName(), Integer.toString(count));
      total += count;
    }
    values.put("cases", Integer.toString(total));
    values.put("training", Integer.toString(examples));
    values.put("pairs", Integer.toString(pairs));
    StringBuilder table = new StringBuilder("| fact | kind | version 1 | version 2 |\n|---|---|---|---|\n");
    for (Facts.Fact fact : facts.all()) {
      if (fact.changed()) {
        table.append("| `").append(fact.id()).append("` | ").append(fact.kind().wireName())
            .append(" | ").append(fact.v1()).append(" | ").append(fact.v2()).append(" |\n");
      }
    }
    values.put("changed-table", table.toString().strip());
    Matcher matcher = MARKER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("README.md: unknown marker " + matcher.group());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
