package dev.ragft.eval.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ragft.common.Json;
import dev.ragft.datasets.cases.FormatSpec;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a reply, as the case's {@link FormatSpec} asks, one gating check per part present:
 * {@code format.json_schema} (the whole reply is one JSON value valid against the schema, checked
 * with the networknt validator), {@code format.pattern}, {@code format.max_words} (whitespace
 * separated words of the whole reply) and {@code format.sections} (each required section is a
 * Markdown heading line, ignoring case).
 */
public final class FormatScorer implements Scorer {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final ObjectReader STRICT_JSON =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)[\\s#]*$",
      Pattern.MULTILINE);
  private static final int MAX_ERRORS_SHOWN = 3;

  /** Compiled schemas by their text: case files repeat one schema many times. */
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  @Override
  public List<Check> score(Reply reply) {
    FormatSpec format = reply.failureCase().format();
    List<Check> checks = new ArrayList<>();
    format.jsonSchema().ifPresent(schema -> checks.add(jsonSchema(schema, reply.text())));
    format.pattern().ifPresent(pattern -> {
      Matcher matcher = pattern.pattern().matcher(reply.text());
      boolean found = matcher.find();
      checks.add(new Check(CheckKind.FORMAT, "format.pattern", found,
          found ? "matches /" + pattern.source() + "/ at \"" + matcher.group() + "\""
              : "does not match /" + pattern.source() + "/", true));
    });
    format.maxWords().ifPresent(max -> {
      int words = words(reply.text());
      checks.add(new Check(CheckKind.FORMAT, "format.max_words", words <= max,
          words + " words (at most " + max + ")", true));
    });
    if (!format.requiredSections().isEmpty()) {
      checks.add(sections(format.requiredSections(), reply.text()));
    }
    return checks;
  }

  private Check jsonSchema(JsonNode schema, String text) {
    String name = "format.json_schema";
    Optional<String> problem = jsonProblem(text);
    if (problem.isPresent()) {
      return new Check(CheckKind.FORMAT, name, false, problem.get(), true);
    }
    String schemaText;
    try {
      schemaText = Json.mapper().writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON schema could not be written back", e);
    }
    Schema compiled = schemas.computeIfAbsent(schemaText,
        key -> REGISTRY.getSchema(key, InputFormat.JSON));
    List<Error> errors = compiled.validate(text, InputFormat.JSON);
    if (errors.isEmpty()) {
      return new Check(CheckKind.FORMAT, name, true, "valid against the schema", true);
    }
    List<String> shown = new ArrayList<>();
    for (Error error : errors.subList(0, Math.min(MAX_ERRORS_SHOWN, errors.size()))) {
      shown.add(error.toString());
    }
    return new Check(CheckKind.FORMAT, name, false, errors.size()
        + (errors.size() == 1 ? " schema error: " : " schema errors: ") + String.join("; ", shown)
        + (errors.size() > MAX_ERRORS_SHOWN ? "; ..." : ""), true);
  }

  private static Check sections(List<String> required, String text) {
    List<String> headings = new ArrayList<>();
    Matcher matcher = HEADING.matcher(text);
    while (matcher.find()) {
      headings.add(matcher.group(1).strip().toLowerCase(Locale.ROOT));
    }
    List<String> missing = required.stream()
        .filter(section -> !headings.contains(section.strip().toLowerCase(Locale.ROOT)))
        .toList();
    return new Check(CheckKind.FORMAT, "format.sections", missing.isEmpty(),
        missing.isEmpty() ? "has the sections " + quoted(required)
            : "lacks the sections " + quoted(missing), true);
  }

  /** The number of whitespace-separated words in {@code text}. */
  public static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /** The reply as one JSON value, when it is exactly that (surrounding whitespace allowed). */
  public static Optional<JsonNode> json(String text) {
    try {
      JsonNode node = STRICT_JSON.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> jsonProblem(String text) {
    try {
      JsonNode node = STRICT_JSON.readTree(text);
      return node == null || node.isMissingNode()
          ? Optional.of("is not one JSON value: the reply is empty") : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.of("is not one JSON value: "
          + e.getOriginalMessage().replaceAll("\\s+", " "));
    }
  }

  private static String quoted(List<String> texts) {
    return String.join(", ", texts.stream().map(text -> "\"" + text + "\"").toList());
  }
}
