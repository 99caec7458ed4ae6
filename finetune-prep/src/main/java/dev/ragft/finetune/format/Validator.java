package dev.ragft.finetune.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.JsonLine;
import dev.ragft.common.ProblemKind;
import dev.ragft.common.Utf8LineReader;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.token.ExampleTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks a file on disk against a provider format's documented rules, whoever wrote it. Every
 * line is checked (a bad line does not stop the check), and every broken rule is reported as
 * {@code file:line: rule}; rules about the whole file (the example count) have no line.
 */
public final class Validator {

  /**
   * The token limit to check each example against.
   *
   * @param tokens how to count an example
   * @param maxTokensPerExample the base model's limit
   * @param model the base model's name, for messages
   */
  public record TokenBudget(ExampleTokens tokens, int maxTokensPerExample, String model) {

    /** Validates the components. */
    public TokenBudget {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(model, "model");
      if (maxTokensPerExample <= 0) {
        throw new IllegalArgumentException("maxTokensPerExample must be > 0, but is: " + maxTokensPerExample);
      }
    }
  }

  private Validator() {
  }

  /** Validates {@code file} as {@code format}, with no token limit. */
  public static ValidationReport validate(Path file, Format format) {
    return validate(file, format, null);
  }

  /**
   * Validates {@code file} as a training file in {@code format}; with a budget, also checks each
   * valid example's tokens against the base model's limit.
   *
   * @throws InputException when the file cannot be opened
   */
  public static ValidationReport validate(Path file, Format format, TokenBudget budget) {
    return validate(file, format, budget, true);
  }

  /**
   * Validates {@code file} as {@code format}. A validation (held-out) file is not held to the
   * provider's minimum number of training examples; every other rule applies.
   *
   * @param file the file
   * @param format the format
   * @param budget the token limit to check, or null for none
   * @param trainingFile whether the file is a training file
   * @throws InputException when the file cannot be opened
   */
  public static ValidationReport validate(Path file, Format format, TokenBudget budget,
      boolean trainingFile) {
    String source = file.getFileName().toString();
    FormatRules rules = format.rules();
    FileRules fileRules = rules.fileRules();
    FormatCodec codec = format.codec();
    Provenance provenance = budget == null ? null : new Provenance(source, source, 0,
        Hashes.sha256(file), null, "validate:" + format.cliName());
    InputProblems problems = InputProblems.collecting();
    List<Violation> found = new ArrayList<>();
    long examples = 0;
    try (Utf8LineReader lines = new Utf8LineReader(Files.newInputStream(file), source, problems)) {
      String text;
      long badUtf8 = 0;
      while ((text = lines.readLine()) != null) {
        long line = lines.lineNumber();
        if (problems.count(ProblemKind.INVALID_UTF8) > badUtf8) {
          badUtf8 = problems.count(ProblemKind.INVALID_UTF8);
          found.add(new Violation(source, line, "has bytes that are not valid UTF-8"));
        }
        if (text.isBlank()) {
          found.add(new Violation(source, line, "is blank; JSON Lines needs one object per line"));
          continue;
        }
        examples++;
        ObjectNode json = parse(text, source, line, found);
        if (json == null) {
          continue;
        }
        List<String> broken = new ArrayList<>();
        rules.checkLine(json, broken);
        fileRules.line(line, json);
        broken.forEach(rule -> found.add(new Violation(source, line, rule)));
        if (broken.isEmpty() && budget != null) {
          checkTokens(new JsonLine(source, line, json), codec, provenance, budget, format, found);
        }
      }
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
    }
    found.addAll(fileRules.finish(source));
    if (trainingFile && examples < rules.minExamples()) {
      found.add(new Violation(source, 0, "has " + examples + (examples == 1 ? " example; "
          : " examples; ") + format.cliName() + " needs at least " + rules.minExamples()));
    }
    // Line rules in line order (stable within a line), then the rules about the whole file.
    found.sort(Comparator.comparingLong(v -> v.line() == 0 ? Long.MAX_VALUE : v.line()));
    return new ValidationReport(source, format, examples, found);
  }

  private static ObjectNode parse(String text, String source, long line, List<Violation> found) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
      found.add(new Violation(source, line, "is not a JSON object"));
    } catch (JsonProcessingException e) {
      found.add(new Violation(source, line, "is not valid JSON: " + e.getOriginalMessage()));
    }
    return null;
  }

  private static void checkTokens(JsonLine line, FormatCodec codec, Provenance provenance,
      TokenBudget budget, Format format, List<Violation> found) {
    TrainingExample example;
    try {
      example = codec.decode(line, provenance);
    } catch (InputException e) {
      found.add(new Violation(line.source(), line.line(), e.problem()));
      return;
    }
    int tokens = budget.tokens().count(example, format.isPreference());
    if (tokens > budget.maxTokensPerExample()) {
      found.add(new Violation(line.source(), line.line(), "has " + tokens + " tokens, over the "
          + budget.maxTokensPerExample() + " that " + budget.model() + " trains on per example"));
    }
  }
}
