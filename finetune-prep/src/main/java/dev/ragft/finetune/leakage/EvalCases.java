package dev.ragft.finetune.leakage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.datasets.cases.CaseFileFormat;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.FailureCaseReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluation cases for the leakage guard. Failure cases of the harness ({@link FailureCase}) adapt
 * through {@link #of(FailureCase)}; files are read by {@link #read}: failure-case files in YAML or
 * CSV through {@link FailureCaseReader}, and JSON Lines with an id ({@code id} or {@code _id}) and a
 * prompt ({@code prompt}, {@code question} or {@code text}, the first present, or the last user
 * message of {@code messages}), which also reads failure cases written as JSON Lines.
 */
public final class EvalCases {

  private EvalCases() {
  }

  /**
   * The leakage guard's view of a failure case: its id and the text it asks
   * ({@link FailureCase#questionText()}, the last user message of a conversation).
   */
  public static EvalCase of(FailureCase failureCase) {
    return new EvalCase(failureCase.id(), failureCase.questionText());
  }

  /** {@link #of(FailureCase)} for each case, in order. */
  public static List<EvalCase> of(List<FailureCase> cases) {
    return cases.stream().map(EvalCases::of).toList();
  }

  /**
   * Every case of the file; the first bad line or case fails naming its line and field. YAML and
   * CSV files are failure-case files; anything else is read as JSON Lines.
   */
  public static List<EvalCase> read(Path file) {
    CaseFileFormat format = CaseFileFormat.of(file).orElse(CaseFileFormat.JSONL);
    if (format != CaseFileFormat.JSONL) {
      return of(new FailureCaseReader(OnError.FAIL, InputProblems.collecting()).read(file));
    }
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      return reader.map(EvalCases::toCase).toList();
    }
  }

  private static EvalCase toCase(JsonLine line) {
    String id = line.optText("id").or(() -> line.optText("_id"))
        .orElseThrow(() -> line.error("id", "is missing"));
    for (String field : List.of("prompt", "question", "text")) {
      var text = line.optText(field);
      if (text.isPresent() && !text.get().isBlank()) {
        return new EvalCase(id, text.get());
      }
    }
    JsonNode messages = line.json().get("messages");
    if (messages != null && messages.isArray()) {
      for (int i = messages.size() - 1; i >= 0; i--) {
        JsonNode message = messages.get(i);
        if (message.path("role").asText("").equals("user")
            && !message.path("content").asText("").isBlank()) {
          return new EvalCase(id, message.path("content").asText());
        }
      }
    }
    throw line.error("prompt", "is missing (also looked for \"question\", \"text\" and a user"
        + " message in \"messages\")");
  }
}
