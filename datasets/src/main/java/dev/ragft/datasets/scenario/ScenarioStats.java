package dev.ragft.datasets.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.datasets.cases.Category;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a scenario holds, in numbers.
 *
 * @param name the scenario's name
 * @param documents the number of documents per corpus version, in version order
 * @param cases the number of failure cases
 * @param casesByCategory the number of cases per category, every category present
 * @param casesByVersion the number of cases that apply to each corpus version
 * @param trainingExamples the number of supervised training examples
 * @param preferencePairs the number of preference pairs
 * @param changedFacts the number of (document, fact) pairs that change between versions
 */
public record ScenarioStats(String name, Map<String, Integer> documents, int cases,
    Map<Category, Integer> casesByCategory, Map<String, Integer> casesByVersion,
    int trainingExamples, int preferencePairs, int changedFacts) {

  /** Validates the components and copies the maps, keeping their order. */
  public ScenarioStats {
    Objects.requireNonNull(name, "name");
    documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    casesByCategory = Collections.unmodifiableMap(new EnumMap<>(casesByCategory));
    casesByVersion = Collections.unmodifiableMap(new LinkedHashMap<>(casesByVersion));
  }

  /** The statistics as a few lines of text for a terminal, each ending with a line break. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append("scenario: ").append(name).append('\n');
    text.append("documents:");
    documents.forEach((version, count) -> text.append(' ').append(version).append(' ')
        .append(count));
    text.append('\n');
    text.append("cases: ").append(cases).append(" (");
    StringJoiner categories = new StringJoiner(", ");
    casesByCategory.forEach((category, count) ->
        categories.add(category.wireName() + " " + count));
    text.append(categories).append(")\n");
    text.append("cases per version:");
    casesByVersion.forEach((version, count) -> text.append(' ').append(version).append(' ')
        .append(count));
    text.append('\n');
    text.append("training examples: ").append(trainingExamples).append('\n');
    text.append("preference pairs: ").append(preferencePairs).append('\n');
    text.append("changed facts: ").append(changedFacts).append('\n');
    return text.toString();
  }

  /**
   * The statistics as one JSON object with the keys {@code scenario}, {@code documents} (per
   * version), {@code cases}, {@code cases_by_category}, {@code cases_by_version},
   * {@code training_examples}, {@code preference_pairs} and {@code changed_facts}.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("scenario", name);
    ObjectNode docs = json.putObject("documents");
    documents.forEach(docs::put);
    json.put("cases", cases);
    ObjectNode byCategory = json.putObject("cases_by_category");
    casesByCategory.forEach((category, count) -> byCategory.put(category.wireName(), count));
    ObjectNode byVersion = json.putObject("cases_by_version");
    casesByVersion.forEach(byVersion::put);
    json.put("training_examples", trainingExamples);
    json.put("preference_pairs", preferencePairs);
    json.put("changed_facts", changedFacts);
    return json;
  }
}
