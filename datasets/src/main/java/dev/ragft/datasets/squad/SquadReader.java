package dev.ragft.datasets.squad;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.Expectation;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.ForbiddenClaim;
import dev.ragft.datasets.cases.PolicyChecks;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a SQuAD v1.1 or v2.0 JSON file one article at a time, so memory holds one article's
 * tree plus the results. A bad question, paragraph or article is handled by the {@link OnError}
 * policy (skipped and reported, or thrown); messages name the field's full path, such as
 * {@code data[3].paragraphs[1].qas[0].answers}, because SQuAD files are often one long line.
 */
public final class SquadReader {

  /** The tag every SQuAD case carries. */
  public static final String TAG = "squad";
  /** The tag of unanswerable (v2.0 {@code is_impossible}) questions. */
  public static final String UNANSWERABLE = "unanswerable";

  private static final List<String> ARTICLE = List.of("title", "paragraphs");
  private static final List<String> PARAGRAPH = List.of("context", "qas");
  private static final List<String> QUESTION =
      List.of("id", "question", "answers", "is_impossible", "plausible_answers");
  private static final List<String> ANSWER = List.of("text", "answer_start");

  private final String source;
  private final OnError onError;
  private final InputProblems problems;
  private final List<SquadParagraph> paragraphs = new ArrayList<>();
  private final List<FailureCase> cases = new ArrayList<>();
  private final Set<String> titles = new HashSet<>();
  private final Set<String> questionIds = new HashSet<>();

  private SquadReader(String source, OnError onError, InputProblems problems) {
    this.source = source;
    this.onError = onError;
    this.problems = problems;
  }

  /** Reads a file; messages name it by its file name. */
  public static SquadDataset read(Path file, OnError onError, InputProblems problems) {
    String source = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, onError, problems);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads a stream; {@code source} names it in messages. */
  public static SquadDataset read(InputStream in, String source, OnError onError,
      InputProblems problems) {
    SquadReader reader = new SquadReader(Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(onError, "onError"), Objects.requireNonNull(problems, "problems"));
    return reader.readAll(in);
  }

  private SquadDataset readAll(InputStream in) {
    String version = null;
    boolean sawData = false;
    try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(source, line(parser), null,
            "must be a JSON object with \"version\" and \"data\"");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("version") && value.isScalarValue()) {
          version = parser.getText();
        } else if (name.equals("data") && value == JsonToken.START_ARRAY) {
          sawData = true;
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            String path = "data[" + index++ + "]";
            try {
              article(Node.root(LocatedTree.read(parser, source), path));
            } catch (InputException e) {
              reject(e);
            }
          }
        } else {
          throw new InputException(source, line(parser), name,
              "is not a SQuAD field; a SQuAD file has \"version\" and a \"data\" list");
        }
      }
    } catch (JsonProcessingException e) {
      throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null, "is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
    if (!sawData) {
      throw new InputException(source, 0, "data", "is missing");
    }
    return new SquadDataset(version == null ? "unknown" : version, paragraphs, cases);
  }

  private void article(Node article) {
    article.requireObject(ARTICLE);
    Node titleNode = article.require("title");
    String title = titleNode.text();
    if (!titles.add(title)) {
      throw titleNode.error("repeats the article title \"" + title + "\"");
    }
    List<Node> items = article.require("paragraphs").items();
    for (int i = 0; i < items.size(); i++) {
      try {
        paragraph(items.get(i), title, title + "#" + i);
      } catch (InputException e) {
        reject(e);
      }
    }
  }

  private void paragraph(Node paragraph, String title, String id) {
    paragraph.requireObject(PARAGRAPH);
    String context = paragraph.require("context").text();
    List<Node> questions = paragraph.require("qas").items();
    paragraphs.add(new SquadParagraph(id, title, context));
    for (Node question : questions) {
      try {
        cases.add(question(question, id, context));
      } catch (InputException e) {
        reject(e);
      }
    }
  }

  private FailureCase question(Node node, String paragraphId, String context) {
    node.requireObject(QUESTION);
    Node idNode = node.require("id");
    String id = idNode.text();
    if (!FailureCase.ID.matcher(id).matches()) {
      throw idNode.error("is not usable as a case id: \"" + id + "\"");
    }
    if (!questionIds.add(id)) {
      throw idNode.error("repeats question id \"" + id + "\"");
    }
    boolean impossible = node.opt("is_impossible").map(Node::bool).orElse(false);
    FailureCase.Builder builder = FailureCase.builder(id, Category.KNOWLEDGE,
            new Prompt.Question(node.require("question").text()))
        .goldDocIds(List.of(paragraphId));
    if (impossible) {
      builder.policy(new PolicyChecks(Expectation.REQUIRED, Expectation.UNCHECKED, List.of()))
          .tags(List.of(TAG, UNANSWERABLE));
      Optional<Node> plausible = node.opt("plausible_answers");
      if (plausible.isPresent()) {
        for (String text : answers(plausible.get(), context)) {
          builder.forbiddenClaim(new ForbiddenClaim(new TextMatch.Contains(text),
              Optional.of("plausible but wrong: the paragraph does not answer the question")));
        }
      }
    } else {
      Node answersNode = node.require("answers");
      List<String> answers = answers(answersNode, context);
      if (answers.isEmpty()) {
        throw answersNode.error("is empty, but the question is not marked is_impossible");
      }
      builder.referenceAnswer(answers.getFirst())
          .requiredFact(new RequiredFact(TextMatch.anyOf(answers), Optional.of(paragraphId)))
          .tags(List.of(TAG));
    }
    return builder.build();
  }

  private static List<String> answers(Node list, String context) {
    List<String> texts = new ArrayList<>();
    for (Node answer : list.items()) {
      answer.requireObject(ANSWER);
      Node textNode = answer.require("text");
      String text = textNode.text();
      if (!context.contains(text)) {
        throw textNode.error("is not found in the paragraph: \"" + text + "\"");
      }
      if (!texts.contains(text)) {
        texts.add(text);
      }
    }
    return texts;
  }

  private void reject(InputException problem) {
    if (onError == OnError.FAIL) {
      throw problem;
    }
    problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage() + " (skipped)");
  }

  private static long line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
