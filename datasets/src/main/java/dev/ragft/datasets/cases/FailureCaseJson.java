package dev.ragft.datasets.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.chat.ChatTurns;
import dev.ragft.datasets.chat.Role;
import dev.ragft.datasets.internal.JsonSchemas;
import dev.ragft.datasets.internal.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Converts between {@link FailureCase} and its JSON/YAML form (the field names of
 * {@code docs/failure-cases.md}). Parsing checks every field and reports the first problem as an
 * {@link InputException} naming file, line and field.
 */
public final class FailureCaseJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> CASE_FIELDS = List.of("id", "question", "messages",
      "category", "reference_answer", "required_facts", "forbidden_claims", "gold_doc_ids",
      "format", "policy", "corpus_version", "tags");
  private static final List<String> MESSAGE_FIELDS = List.of("role", "content");
  private static final List<String> FACT_FIELDS = List.of("contains", "pattern", "doc");
  private static final List<String> CLAIM_FIELDS = List.of("contains", "pattern", "reason");
  private static final List<String> FORMAT_FIELDS =
      List.of("json_schema", "pattern", "max_words", "required_sections");
  private static final List<String> POLICY_FIELDS = List.of("must_refuse", "must_escalate",
      "banned_phrases", "refusal_pattern", "escalation_pattern");
  private static final String CATEGORIES = Arrays.stream(Category.values())
      .map(Category::wireName).collect(Collectors.joining(", "));

  private FailureCaseJson() {
  }

  /** Parses one case object. */
  public static FailureCase parse(Node node) {
    node.requireObject(CASE_FIELDS);
    Node idNode = node.require("id");
    String id = idNode.text();
    if (!FailureCase.ID.matcher(id).matches()) {
      throw idNode.error("must be letters, digits and . _ : / @ + - (starting with a letter or "
          + "digit, at most 200 characters), but is: \"" + id + "\"");
    }
    Node categoryNode = node.require("category");
    Category category = Category.fromWireName(categoryNode.text()).orElseThrow(() ->
        categoryNode.error("must be one of " + CATEGORIES + ", but is: \""
            + categoryNode.json().asText() + "\""));
    FailureCase.Builder builder = FailureCase.builder(id, category, prompt(node));
    node.opt("reference_answer").ifPresent(answer -> builder.referenceAnswer(answer.text()));
    List<String> gold = node.opt("gold_doc_ids").map(Node::uniqueTexts).orElse(List.of());
    builder.goldDocIds(gold);
    node.opt("required_facts").ifPresent(facts -> {
      for (Node item : facts.items()) {
        builder.requiredFact(requiredFact(item, gold));
      }
    });
    node.opt("forbidden_claims").ifPresent(claims -> {
      for (Node item : claims.items()) {
        builder.forbiddenClaim(forbiddenClaim(item));
      }
    });
    node.opt("format").ifPresent(format -> builder.format(format(format)));
    node.opt("policy").ifPresent(policy -> builder.policy(policy(policy)));
    node.opt("corpus_version").ifPresent(versionNode -> {
      String version = versionNode.text();
      if (!FailureCase.VERSION.matcher(version).matches()) {
        throw versionNode.error("must be one word, but is: \"" + version + "\"");
      }
      builder.corpusVersion(version);
    });
    node.opt("tags").ifPresent(tags -> builder.tags(tags.uniqueTexts()));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage(), e);
    }
  }

  private static Prompt prompt(Node node) {
    Optional<Node> question = node.opt("question");
    Optional<Node> messages = node.opt("messages");
    if (question.isPresent() && messages.isPresent()) {
      throw messages.get().error("cannot be given together with \"question\"; give one of them");
    }
    if (question.isPresent()) {
      return new Prompt.Question(question.get().text());
    }
    Node list = messages.orElseThrow(() ->
        node.errorAt("question", "is missing (give \"question\" or \"messages\")"));
    List<ChatMessage> turns = new ArrayList<>();
    for (Node item : list.items()) {
      item.requireObject(MESSAGE_FIELDS);
      Node roleNode = item.require("role");
      Role role = Role.fromWireName(roleNode.text()).orElseThrow(() -> roleNode.error(
          "must be system, user or assistant, but is: \"" + roleNode.json().asText() + "\""));
      turns.add(new ChatMessage(role, item.require("content").text()));
    }
    ChatTurns.promptProblem(turns).ifPresent(problem -> {
      throw list.error(problem);
    });
    return new Prompt.Conversation(turns);
  }

  private static RequiredFact requiredFact(Node item, List<String> gold) {
    if (item.json().isTextual()) {
      return new RequiredFact(new TextMatch.Contains(item.text()), Optional.empty());
    }
    item.requireObject(FACT_FIELDS);
    TextMatch match = match(item);
    Optional<String> doc = Optional.empty();
    Optional<Node> docNode = item.opt("doc");
    if (docNode.isPresent()) {
      String docId = docNode.get().text();
      if (!gold.contains(docId)) {
        throw docNode.get().error("names document \"" + docId
            + "\", which is not in gold_doc_ids");
      }
      doc = Optional.of(docId);
    }
    return new RequiredFact(match, doc);
  }

  private static ForbiddenClaim forbiddenClaim(Node item) {
    if (item.json().isTextual()) {
      return new ForbiddenClaim(new TextMatch.Contains(item.text()), Optional.empty());
    }
    item.requireObject(CLAIM_FIELDS);
    return new ForbiddenClaim(match(item), item.opt("reason").map(Node::text));
  }

  private static TextMatch match(Node item) {
    Optional<Node> contains = item.opt("contains");
    Optional<Node> pattern = item.opt("pattern");
    if (contains.isPresent() && pattern.isPresent()) {
      throw pattern.get().error("cannot be given together with \"contains\"; give one of them");
    }
    if (contains.isPresent()) {
      return new TextMatch.Contains(contains.get().text());
    }
    Node regex = pattern.orElseThrow(() -> item.error("needs \"contains\" or \"pattern\""));
    return new TextMatch.Matches(regex(regex));
  }

  private static Regex regex(Node node) {
    try {
      return Regex.of(node.text());
    } catch (PatternSyntaxException e) {
      throw node.error("is not a valid regular expression: " + e.getDescription() + " near index "
          + e.getIndex(), e);
    }
  }

  private static FormatSpec format(Node node) {
    node.requireObject(FORMAT_FIELDS);
    Optional<JsonNode> schema = node.opt("json_schema").map(FailureCaseJson::schema);
    Optional<Regex> pattern = node.opt("pattern").map(FailureCaseJson::regex);
    OptionalInt maxWords = node.opt("max_words")
        .map(words -> OptionalInt.of(words.positiveInt())).orElse(OptionalInt.empty());
    List<String> sections = node.opt("required_sections").map(Node::uniqueTexts)
        .orElse(List.of());
    return new FormatSpec(schema, pattern, maxWords, sections);
  }

  private static JsonNode schema(Node node) {
    JsonNode schema = node.json();
    if (schema.isTextual()) {
      try {
        schema = Json.mapper().readTree(schema.asText());
      } catch (JsonProcessingException e) {
        throw node.error("is not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
    Optional<String> problem = JsonSchemas.problem(schema);
    if (problem.isPresent()) {
      throw node.error(problem.get());
    }
    return schema;
  }

  private static PolicyChecks policy(Node node) {
    node.requireObject(POLICY_FIELDS);
    Expectation refusal = node.opt("must_refuse").map(flag -> Expectation.of(flag.bool()))
        .orElse(Expectation.UNCHECKED);
    Expectation escalation = node.opt("must_escalate").map(flag -> Expectation.of(flag.bool()))
        .orElse(Expectation.UNCHECKED);
    List<String> banned = new ArrayList<>();
    node.opt("banned_phrases").ifPresent(list -> {
      for (Node item : list.items()) {
        String phrase = item.text();
        if (banned.stream().anyMatch(phrase::equalsIgnoreCase)) {
          throw item.error("repeats \"" + phrase + "\"");
        }
        banned.add(phrase);
      }
    });
    Optional<Node> refusalPattern = node.opt("refusal_pattern");
    if (refusalPattern.isPresent() && refusal == Expectation.UNCHECKED) {
      throw refusalPattern.get().error("is given, but must_refuse is not");
    }
    Optional<Node> escalationPattern = node.opt("escalation_pattern");
    if (escalationPattern.isPresent() && escalation == Expectation.UNCHECKED) {
      throw escalationPattern.get().error("is given, but must_escalate is not");
    }
    return new PolicyChecks(refusal, escalation, banned,
        refusalPattern.map(FailureCaseJson::regex), escalationPattern.map(FailureCaseJson::regex));
  }

  /** The JSON form of a case, fields in the documented order, absent and empty parts left out. */
  public static ObjectNode toJson(FailureCase c) {
    ObjectNode json = NODES.objectNode();
    json.put("id", c.id());
    json.put("category", c.category().wireName());
    switch (c.prompt()) {
      case Prompt.Question question -> json.put("question", question.text());
      case Prompt.Conversation conversation -> {
        ArrayNode messages = json.putArray("messages");
        for (ChatMessage message : conversation.messages()) {
          messages.addObject().put("role", message.role().wireName())
              .put("content", message.content());
        }
      }
    }
    c.referenceAnswer().ifPresent(answer -> json.put("reference_answer", answer));
    if (!c.requiredFacts().isEmpty()) {
      ArrayNode facts = json.putArray("required_facts");
      for (RequiredFact fact : c.requiredFacts()) {
        if (fact.match() instanceof TextMatch.Contains contains && fact.docId().isEmpty()) {
          facts.add(contains.text());
        } else {
          ObjectNode item = facts.addObject();
          putMatch(item, fact.match());
          fact.docId().ifPresent(doc -> item.put("doc", doc));
        }
      }
    }
    if (!c.forbiddenClaims().isEmpty()) {
      ArrayNode claims = json.putArray("forbidden_claims");
      for (ForbiddenClaim claim : c.forbiddenClaims()) {
        if (claim.match() instanceof TextMatch.Contains contains && claim.reason().isEmpty()) {
          claims.add(contains.text());
        } else {
          ObjectNode item = claims.addObject();
          putMatch(item, claim.match());
          claim.reason().ifPresent(reason -> item.put("reason", reason));
        }
      }
    }
    if (!c.goldDocIds().isEmpty()) {
      c.goldDocIds().forEach(json.putArray("gold_doc_ids")::add);
    }
    if (!c.format().isEmpty()) {
      ObjectNode format = json.putObject("format");
      c.format().jsonSchema().ifPresent(schema -> format.set("json_schema", schema));
      c.format().pattern().ifPresent(pattern -> format.put("pattern", pattern.source()));
      c.format().maxWords().ifPresent(words -> format.put("max_words", words));
      if (!c.format().requiredSections().isEmpty()) {
        c.format().requiredSections().forEach(format.putArray("required_sections")::add);
      }
    }
    if (!c.policy().isEmpty()) {
      ObjectNode policy = json.putObject("policy");
      c.policy().refusal().asBoolean().ifPresent(flag -> policy.put("must_refuse", flag));
      c.policy().escalation().asBoolean().ifPresent(flag -> policy.put("must_escalate", flag));
      if (!c.policy().bannedPhrases().isEmpty()) {
        c.policy().bannedPhrases().forEach(policy.putArray("banned_phrases")::add);
      }
      c.policy().refusalPattern().ifPresent(regex -> policy.put("refusal_pattern",
          regex.source()));
      c.policy().escalationPattern().ifPresent(regex -> policy.put("escalation_pattern",
          regex.source()));
    }
    c.corpusVersion().ifPresent(version -> json.put("corpus_version", version));
    if (!c.tags().isEmpty()) {
      c.tags().forEach(json.putArray("tags")::add);
    }
    return json;
  }

  private static void putMatch(ObjectNode item, TextMatch match) {
    switch (match) {
      case TextMatch.Contains contains -> item.put("contains", contains.text());
      case TextMatch.Matches matches -> item.put("pattern", matches.regex().source());
    }
  }
}
