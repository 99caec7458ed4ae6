package dev.ragft.datasets.cases;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ragft.common.InputException;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads failure cases from a CSV table with a header row: each row becomes a case object in the
 * JSON shape and is then parsed like any other case. List columns hold items separated by
 * {@code |}; pattern columns hold one regular expression each, never split.
 */
final class CsvCases {

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern BAR = Pattern.compile("\\|");
  private static final Set<String> TEXT = Set.of("id", "category", "question", "reference_answer",
      "corpus_version");
  private static final Set<String> LISTS = Set.of("gold_doc_ids", "tags", "required_facts",
      "forbidden_claims", "banned_phrases", "required_sections");
  private static final Set<String> OTHER = Set.of("required_pattern", "forbidden_pattern",
      "json_schema", "format_pattern", "max_words", "must_refuse", "must_escalate",
      "refusal_pattern", "escalation_pattern");

  private CsvCases() {
  }

  static List<FailureCase> read(InputStream in, String source, FailureCaseReader reader) {
    List<FailureCase> cases = new ArrayList<>();
    try (CsvParser parser = CSV.getFactory().createParser(in)) {
      parser.setSchema(CsvSchema.emptySchema().withHeader());
      boolean checkedHeader = false;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        if (!checkedHeader) {
          checkHeader(parser.getSchema(), source);
          checkedHeader = true;
        }
        Map<String, String> row = new LinkedHashMap<>();
        long line = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          if (line == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          String column = parser.currentName();
          parser.nextToken();
          row.put(column, parser.getText());
        }
        try {
          cases.add(reader.accept(Node.root(
              LocatedTree.onOneLine(toCase(row, source, line), source, line))));
        } catch (InputException e) {
          reader.reject(e);
        }
      }
    } catch (JsonProcessingException e) {
      throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null, "is not valid CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
    }
    return cases;
  }

  private static void checkHeader(CsvSchema schema, String source) {
    for (CsvSchema.Column column : schema) {
      String name = column.getName();
      if (!TEXT.contains(name) && !LISTS.contains(name) && !OTHER.contains(name)) {
        List<String> known = new ArrayList<>(TEXT);
        known.addAll(LISTS);
        known.addAll(OTHER);
        known.sort(null);
        throw new InputException(source, 1, name,
            "is not a known column; the known columns are: " + String.join(", ", known));
      }
    }
  }

  private static ObjectNode toCase(Map<String, String> row, String source, long line) {
    ObjectNode json = NODES.objectNode();
    ObjectNode format = NODES.objectNode();
    ObjectNode policy = NODES.objectNode();
    for (Map.Entry<String, String> cell : row.entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue();
      if (value.isEmpty()) {
        continue;
      }
      switch (column) {
        case "required_sections" -> format.set(column, split(value));
        case "banned_phrases" -> policy.set(column, split(value));
        case "required_pattern" -> array(json, "required_facts").addObject().put("pattern", value);
        case "forbidden_pattern" ->
            array(json, "forbidden_claims").addObject().put("pattern", value);
        case "json_schema" -> format.put("json_schema", value);
        case "format_pattern" -> format.put("pattern", value);
        case "max_words" -> format.put("max_words", number(value, column, source, line));
        case "must_refuse", "must_escalate" ->
            policy.put(column, bool(value, column, source, line));
        case "refusal_pattern", "escalation_pattern" -> policy.put(column, value);
        default -> {
          if (LISTS.contains(column)) {
            array(json, column).addAll(split(value));
          } else {
            json.put(column, value);
          }
        }
      }
    }
    if (!format.isEmpty()) {
      json.set("format", format);
    }
    if (!policy.isEmpty()) {
      json.set("policy", policy);
    }
    return json;
  }

  private static ArrayNode array(ObjectNode json, String name) {
    return json.has(name) ? (ArrayNode) json.get(name) : json.putArray(name);
  }

  private static ArrayNode split(String cell) {
    ArrayNode items = NODES.arrayNode();
    for (String item : BAR.split(cell)) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  private static int number(String value, String column, String source, long line) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InputException(source, line, column,
          "must be a whole number, but is: \"" + value + "\"", e);
    }
  }

  private static boolean bool(String value, String column, String source, long line) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InputException(source, line, column,
          "must be true, false or empty, but is: \"" + value + "\"");
    };
  }
}
