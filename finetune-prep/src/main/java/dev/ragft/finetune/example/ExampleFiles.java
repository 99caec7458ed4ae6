package dev.ragft.finetune.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reads and encodes whole files of examples in ragft's own form ({@link ExampleJson}). */
public final class ExampleFiles {

  private ExampleFiles() {
  }

  /** Every example of a {@code .ragft.jsonl} file, in order; the first bad line fails naming it. */
  public static List<TrainingExample> read(Path file) {
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      return reader.map(ExampleJson::read).toList();
    }
  }

  /** The examples as JSON Lines bytes, one object per line, {@code \n} endings. */
  public static byte[] encode(List<TrainingExample> examples) {
    StringBuilder text = new StringBuilder();
    for (TrainingExample example : examples) {
      try {
        text.append(Json.mapper().writeValueAsString(ExampleJson.write(example))).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree could not be written", e);
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
