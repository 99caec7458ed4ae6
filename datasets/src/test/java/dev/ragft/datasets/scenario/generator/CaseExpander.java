package dev.ragft.datasets.scenario.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.Expectation;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.ForbiddenClaim;
import dev.ragft.datasets.cases.FormatSpec;
import dev.ragft.datasets.cases.PolicyChecks;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.Regex;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Expands one case source into failure cases. A source that refers to a changed fact (or asks
 * for a split, or expects a different action per version) becomes one case per version, with the
 * stale value of each changed fact forbidden in the version 2 case; otherwise it becomes one case
 * that holds in every version. Behaviour and hybrid cases get the support reply checks.
 */
final class CaseExpander {

  /** The word limit on a whole support reply, JSON included. */
  static final int MAX_WORDS = 120;

  private final Facts facts;
  private final DocumentSet documents;
  private final FormatSpec replyFormat;
  private final List<String> bannedPhrases;

  CaseExpander(Facts facts, DocumentSet documents, FormatSpec replyFormat,
      List<String> bannedPhrases) {
    this.facts = facts;
    this.documents = documents;
    this.replyFormat = replyFormat;
    this.bannedPhrases = List.copyOf(bannedPhrases);
  }

  List<FailureCase> expand(JsonNode source, Category category) {
    String id = source.get("id").asText();
    List<String> factIds = strings(source.get("facts"));
    boolean perVersion = source.path("split").asBoolean(false)
        || source.path("escalate").isObject() || source.path("refuse").isObject()
        || source.path("reference").isObject()
        || referenced(source).stream().anyMatch(fact -> facts.get(fact).changed());
    List<FailureCase> cases = new ArrayList<>();
    if (source.has("version")) {
      cases.add(build(source, category, id, source.get("version").asText(), true, factIds));
    } else if (perVersion) {
      for (String version : List.of(Facts.V1, Facts.V2)) {
        cases.add(build(source, category, id + "-" + version, version, true, factIds));
      }
    } else {
      cases.add(build(source, category, id, Facts.V1, false, factIds));
    }
    return cases;
  }

  private Set<String> referenced(JsonNode source) {
    Set<String> ids = new LinkedHashSet<>(strings(source.get("facts")));
    for (String field : List.of("reference", "required", "forbidden")) {
      JsonNode node = source.get(field);
      if (node != null) {
        for (String version : List.of(Facts.V1, Facts.V2)) {
          ids.addAll(Templates.references(node.toString(), version));
        }
      }
    }
    return ids;
  }

  private FailureCase build(JsonNode source, Category category, String id, String version,
      boolean versioned, List<String> factIds) {
    String where = "case " + id;
    List<String> gold = gold(source, version, versioned, factIds, where);
    FailureCase.Builder builder = FailureCase.builder(id, category,
        new Prompt.Question(source.get("question").asText()));
    builder.goldDocIds(gold);
    for (String factId : factIds) {
      String value = facts.get(factId).value(version);
      String doc = gold.stream()
          .filter(d -> documents.require(version, d, where).facts().contains(factId))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(where
              + ": no gold document states fact " + factId));
      builder.requiredFact(new RequiredFact(TextMatch.Matches.of(FactPatterns.tolerant(value)),
          Optional.of(doc)));
      if (version.equals(Facts.V2) && facts.get(factId).changed()) {
        builder.forbiddenClaim(new ForbiddenClaim(
            TextMatch.Matches.of(FactPatterns.tolerant(facts.get(factId).v1())),
            Optional.of("stale: the value before version 2 (" + facts.get(factId).v1() + ")")));
      }
    }
    for (JsonNode item : forVersion(source.get("required"), version)) {
      builder.requiredFact(new RequiredFact(match(item, version, where), Optional.empty()));
    }
    for (JsonNode item : forVersion(source.get("forbidden"), version)) {
      builder.forbiddenClaim(new ForbiddenClaim(match(item, version, where),
          Optional.ofNullable(item.path("reason").textValue())));
    }
    JsonNode reference = source.get("reference");
    if (reference != null) {
      String template = reference.isObject() ? reference.get(version).asText() : reference.asText();
      builder.referenceAnswer(Templates.render(template, version, facts, where));
    }
    if (category == Category.BEHAVIOUR || category == Category.HYBRID) {
      builder.format(replyFormat);
      Expectation refusal = expectation(source.get("refuse"), version);
      Expectation escalation = expectation(source.get("escalate"), version);
      builder.policy(new PolicyChecks(refusal, escalation, bannedPhrases,
          signal(refusal, "refuse"), signal(escalation, "escalate")));
    }
    if (versioned) {
      builder.corpusVersion(version);
    }
    builder.tags(tags(source, category, version, versioned));
    return builder.build();
  }

  private List<String> gold(JsonNode source, String version, boolean versioned,
      List<String> factIds, String where) {
    Set<String> gold = new LinkedHashSet<>(strings(source.get("gold")));
    for (String doc : gold) {
      documents.require(version, doc, where);
      if (!versioned && !documents.inAllVersions(doc)) {
        throw new IllegalArgumentException(where + ": gold document " + doc
            + " is not in every version; give the case a version");
      }
    }
    for (String factId : factIds) {
      for (String doc : documents.stating(version, factId)) {
        if (versioned || documents.inAllVersions(doc)) {
          gold.add(doc);
        }
      }
    }
    return List.copyOf(gold);
  }

  private TextMatch match(JsonNode item, String version, String where) {
    if (item.isTextual()) {
      return new TextMatch.Contains(Templates.render(item.asText(), version, facts, where));
    }
    return TextMatch.Matches.of(item.get("pattern").asText());
  }

  private static List<JsonNode> forVersion(JsonNode node, String version) {
    if (node == null) {
      return List.of();
    }
    JsonNode list = node.isObject() ? node.path(version) : node;
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    return items;
  }

  /** The reply's structured signal for an action, when the action is checked at all. */
  private static Optional<Regex> signal(Expectation expectation, String action) {
    return expectation == Expectation.UNCHECKED ? Optional.empty()
        : Optional.of(Regex.of("\"action\"\\s*:\\s*\"" + action + "\""));
  }

  private static Expectation expectation(JsonNode node, String version) {
    if (node == null) {
      return Expectation.UNCHECKED;
    }
    JsonNode value = node.isObject() ? node.get(version) : node;
    return value == null ? Expectation.UNCHECKED : Expectation.of(value.asBoolean());
  }

  private List<String> tags(JsonNode source, Category category, String version,
      boolean versioned) {
    List<String> tags = new ArrayList<>(strings(source.get("tags")));
    if (source.has("version")) {
      tags.add("new-in-" + version);
    } else if (versioned) {
      tags.add("changes-in-v2");
    }
    if (source.path("escalate").asBoolean(false) || source.path("escalate").path(version)
        .asBoolean(false)) {
      tags.add("escalation");
    }
    if (source.path("refuse").asBoolean(false)) {
      tags.add("out-of-scope");
    }
    if (category == Category.CONTROL) {
      tags.add("general-knowledge");
    }
    return tags;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  /** The reply format of behaviour and hybrid cases: the response schema and a word limit. */
  static FormatSpec replyFormat(JsonNode schema) {
    return new FormatSpec(Optional.of(schema), Optional.empty(), OptionalInt.of(MAX_WORDS),
        List.of());
  }
}
