package dev.ragft.finetune.source;

import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonLine;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.format.Format;
import java.util.List;

/**
 * Curated examples: per line either {@code {"messages": [...]}} in the OpenAI chat form (a
 * leading system message, alternating turns, the final assistant message as the target, its
 * {@code weight} as the example weight) or {@code {"prompt", "completion"}}; optionally an
 * {@code id} and a {@code label} (or {@code category}) for stratification. Example ids are
 * {@code source/id}, or {@code source/L<line>} without an id.
 */
public final class CuratedSource {

  private CuratedSource() {
  }

  /** Every example of the file; the first bad line fails naming its line and field. */
  public static List<TrainingExample> read(String sourceId, SourceFile file, String licence,
      String label) {
    try (JsonlReader reader = JsonlReader.open(file.path(), OnError.FAIL, InputProblems.collecting())) {
      return reader.map(line -> toExample(sourceId, file, licence, label, line)).toList();
    }
  }

  private static TrainingExample toExample(String sourceId, SourceFile file, String licence,
      String label, JsonLine line) {
    Provenance provenance = new Provenance(sourceId, file.name(), line.line(), file.sha256(),
        licence, "curated");
    TrainingExample decoded;
    if (line.json().has("messages")) {
      decoded = Format.OPENAI_CHAT.codec().decode(line, provenance);
    } else if (line.json().has("prompt")) {
      decoded = Format.TOGETHER_INSTRUCTION.codec().decode(line, provenance);
    } else {
      throw line.error(null, "needs \"messages\", or \"prompt\" and \"completion\"");
    }
    String id = sourceId + "/" + line.optText("id").orElse("L" + line.line());
    String ownLabel = line.optText("label").or(() -> line.optText("category")).orElse(label);
    return new TrainingExample(id, decoded.system(), decoded.turns(), decoded.target(),
        decoded.weight(), null, ownLabel, provenance);
  }
}
