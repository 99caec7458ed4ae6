package dev.ragft.finetune.teacher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ragft.common.InputProblems;
import dev.ragft.common.Json;
import dev.ragft.common.JsonlReader;
import dev.ragft.common.OnError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's files: chunks ({@code {"id", "doc_id", "text"}} per line) and the output cache
 * ({@code {"chunk_id", "prompt_sha256", "output"}} per line, appended one reply at a time).
 */
public final class TeacherFiles {

  private TeacherFiles() {
  }

  /** Every chunk of a chunks file; the first bad line fails naming it. */
  public static List<TeacherChunk> readChunks(Path file) {
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      return reader.map(line -> {
        try {
          return new TeacherChunk(line.requireText("id"), line.optText("doc_id").orElse(""),
              line.requireText("text"));
        } catch (IllegalArgumentException e) {
          throw line.error(null, e.getMessage());
        }
      }).toList();
    }
  }

  /** The cached outputs by chunk id (a later line replaces an earlier one); none if the file is absent. */
  public static Map<String, TeacherOutput> readOutputs(Path file) {
    Map<String, TeacherOutput> outputs = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return outputs;
    }
    try (JsonlReader reader = JsonlReader.open(file, OnError.FAIL, InputProblems.collecting())) {
      reader.map(line -> new TeacherOutput(line.requireText("chunk_id"),
              line.requireText("prompt_sha256"), line.requireText("output")))
          .forEach(output -> outputs.put(output.chunkId(), output));
    }
    return outputs;
  }

  /** Appends one output and forces it to disk, so a crash loses at most the reply being written. */
  public static void append(Path file, TeacherOutput output) {
    try {
      String line = Json.mapper().writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("chunk_id", output.chunkId()).put("prompt_sha256", output.promptSha256())
          .put("output", output.output())) + "\n";
      Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }
}
