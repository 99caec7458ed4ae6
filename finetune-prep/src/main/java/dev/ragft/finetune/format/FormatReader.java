package dev.ragft.finetune.format;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputProblems;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.TrainingExample;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file in a provider format back into examples, each with a provenance naming the file
 * and line. Reading stops at the first line that holds no conversation ragft can represent;
 * validate the file first to see every problem.
 */
public final class FormatReader {

  private FormatReader() {
  }

  /** Every example of {@code file}, in file order. */
  public static List<TrainingExample> read(Path file, Format format) {
    String source = file.getFileName().toString();
    String sha = Hashes.sha256(file);
    FormatCodec codec = format.codec();
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      return reader.map(line -> codec.decode(line,
          new Provenance(source, source, line.line(), sha, null, "import:" + format.cliName())))
          .toList();
    }
  }
}
