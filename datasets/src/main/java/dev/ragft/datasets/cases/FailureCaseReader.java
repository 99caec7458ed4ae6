package dev.ragft.datasets.cases;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import dev.ragft.datasets.internal.LocatedTree;
import dev.ragft.datasets.internal.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads failure cases from JSON Lines, YAML and CSV files (see {@code docs/failure-cases.md}),
 * validating each. A case with a problem is handled by the {@link OnError} policy: reported as
 * {@link ProblemKind#MALFORMED_RECORD} and skipped, or thrown as an {@link InputException} naming
 * file, line and field. Case ids must be unique across everything one reader reads. Not
 * thread-safe.
 */
public final class FailureCaseReader {

  private final OnError onError;
  private final InputProblems problems;
  private final Map<String, String> firstSeen = new HashMap<>();
  private long skipped;

  /** Creates a reader with an error policy and a place to report skipped cases. */
  public FailureCaseReader(OnError onError, InputProblems problems) {
    this.onError = Objects.requireNonNull(onError, "onError");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** Reads every case of a file, choosing the format by its extension. */
  public List<FailureCase> read(Path file) {
    String source = file.getFileName().toString();
    CaseFileFormat format = CaseFileFormat.of(file).orElseThrow(() -> new InputException(source,
        0, null, "is not a case file: use .jsonl, .yaml, .yml or .csv"));
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, format);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads every case of a stream in the given format; {@code source} names it in messages. */
  public List<FailureCase> read(InputStream in, String source, CaseFileFormat format) {
    return switch (format) {
      case JSONL -> readJsonl(in, source);
      case YAML -> readYaml(in, source);
      case CSV -> CsvCases.read(in, source, this);
    };
  }

  /** How many cases were skipped under {@link OnError#SKIP}. */
  public long skipped() {
    return skipped;
  }

  private List<FailureCase> readJsonl(InputStream in, String source) {
    try (JsonlReader reader = new JsonlReader(in, source, onError, problems)) {
      List<FailureCase> cases = reader.map(line ->
          accept(Node.root(LocatedTree.onOneLine(line.json(), source, line.line())))).toList();
      skipped += reader.skipped();
      return cases;
    }
  }

  private List<FailureCase> readYaml(InputStream in, String source) {
    List<FailureCase> cases = new ArrayList<>();
    try (JsonParser parser = Json.yaml().getFactory().createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return cases;
      }
      if (first != JsonToken.START_ARRAY) {
        throw new InputException(source, parser.currentTokenLocation().getLineNr(), null,
            "must be a YAML list of cases");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        try {
          cases.add(accept(Node.root(LocatedTree.read(parser, source))));
        } catch (InputException e) {
          reject(e);
        }
      }
      if (parser.nextToken() != null) {
        throw new InputException(source, parser.currentTokenLocation().getLineNr(), null,
            "holds more than one YAML document; put all cases in one list");
      }
    } catch (JsonProcessingException e) {
      InputException problem = new InputException(source,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "is not valid YAML: " + yamlProblem(e.getOriginalMessage()), e);
      if (onError == OnError.FAIL) {
        throw problem;
      }
      problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage()
          + " (the rest of the file is skipped)");
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
    }
    return cases;
  }

  /** SnakeYAML's context and problem lines, without the lines that quote the input. */
  private static String yamlProblem(String message) {
    return String.join("; ", message.lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .toList());
  }

  /** Parses one case and checks that its id is new; throws on any problem. */
  FailureCase accept(Node node) {
    FailureCase parsed = FailureCaseJson.parse(node);
    String here = node.source() + ":" + node.line();
    String earlier = firstSeen.putIfAbsent(parsed.id(), here);
    if (earlier != null) {
      throw node.errorAt("id", "repeats case id \"" + parsed.id() + "\" first given at " + earlier);
    }
    return parsed;
  }

  /** Applies the error policy to one bad case. */
  void reject(InputException problem) {
    if (onError == OnError.FAIL) {
      throw problem;
    }
    skipped++;
    problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage() + " (skipped)");
  }
}
