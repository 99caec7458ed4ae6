package dev.ragft.datasets.nq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Natural Questions open JSON Lines ({@code {"question": "...", "answer": ["...", ...]}};
 * {@code answers} is accepted for {@code answer}, and a single string for a list) as failure cases.
 * A case's id is the record's {@code id} when it has one, otherwise {@code nq-<line number>}; its
 * reference answer is the first answer, and its one required fact matches any of the answers. The
 * cases have no gold documents: the benchmark is closed-book. Bad lines are handled by the
 * {@link OnError} policy.
 */
public final class NaturalQuestionsOpen {

  /** The tags every case carries. */
  public static final List<String> TAGS = List.of("nq-open", "closed-book");

  private NaturalQuestionsOpen() {
  }

  /**
   * Streams the cases of a file in file order; close the stream when done.
   *
   * @param category the category given to every case (closed-book questions test what a model
   *     knows, so usually {@link Category#KNOWLEDGE} or {@link Category#CONTROL})
   */
  public static Stream<FailureCase> read(Path file, Category category, OnError onError,
      InputProblems problems) {
    return cases(JsonlReader.open(file, onError, problems), category);
  }

  /** Streams the cases of a stream in order; {@code source} names it in messages. */
  public static Stream<FailureCase> read(InputStream in, String source, Category category,
      OnError onError, InputProblems problems) {
    return cases(new JsonlReader(in, source, onError, problems), category);
  }

  private static Stream<FailureCase> cases(JsonlReader reader, Category category) {
    Objects.requireNonNull(category, "category");
    Map<String, Long> seen = new HashMap<>();
    return reader.map(line -> {
      FailureCase parsed = parse(line, category);
      Long earlier = seen.putIfAbsent(parsed.id(), line.line());
      if (earlier != null) {
        throw line.error("id", "repeats case id \"" + parsed.id() + "\" of line " + earlier);
      }
      return parsed;
    });
  }

  private static FailureCase parse(JsonLine line, Category category) {
    for (var names = line.json().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("id", "question", "answer", "answers").contains(name)) {
        throw line.error(name, "is not a known field; the known fields are: answer, answers, "
            + "id, question");
      }
    }
    String question = line.requireText("question");
    if (question.isBlank()) {
      throw line.error("question", "must not be blank");
    }
    String field = line.json().has("answer") ? "answer" : "answers";
    List<String> answers = answers(line, field);
    String id = line.optText("id").orElse("nq-" + line.line());
    if (!FailureCase.ID.matcher(id).matches()) {
      throw line.error("id", "is not usable as a case id: \"" + id + "\"");
    }
    return FailureCase.builder(id, category, new Prompt.Question(question.strip()))
        .referenceAnswer(answers.getFirst())
        .requiredFact(new RequiredFact(TextMatch.anyOf(answers), Optional.empty()))
        .tags(TAGS)
        .build();
  }

  private static List<String> answers(JsonLine line, String field) {
    JsonNode node = line.json().get(field);
    if (node == null || node.isNull()) {
      throw line.error("answer", "is missing");
    }
    List<String> answers = new ArrayList<>();
    if (node.isTextual()) {
      answers.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(item -> {
        if (!item.isTextual() && !item.isNumber()) {
          throw line.error(field, "must hold strings, but holds: "
              + item.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        answers.add(item.asText());
      });
    } else {
      throw line.error(field, "must be a list of strings");
    }
    answers.removeIf(String::isBlank);
    if (answers.isEmpty()) {
      throw line.error(field, "holds no answer");
    }
    return answers.stream().map(String::strip).toList();
  }
}
