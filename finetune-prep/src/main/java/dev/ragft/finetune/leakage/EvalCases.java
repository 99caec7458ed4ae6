package dev.ragft.finetune.leakage;

import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads evaluation cases from JSON Lines: an id ({@code id} or {@code _id}) and a prompt
 * ({@code prompt}, {@code question} or {@code text}, the first present).
 */
public final class EvalCases {

  private EvalCases() {
  }

  /** Every case of the file; the first bad line fails naming its line and field. */
  public static List<EvalCase> read(Path file) {
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
    throw line.error("prompt", "is missing (also looked for \"question\" and \"text\")");
  }
}
