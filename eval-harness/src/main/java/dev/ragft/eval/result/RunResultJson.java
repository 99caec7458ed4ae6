package dev.ragft.eval.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON form of the run result model, byte-stable: record components in alphabetical order,
 * an absent {@code Optional} as {@code null}, a {@link Verdict} as {@code {"type": "pass"}} or
 * {@code {"type": "fail", "reason": ..., "label": ...}}, two-space indentation and {@code \n}
 * line ends on every platform. The same value always gives the same bytes, and reading them back
 * gives an equal value. A run folder keeps its result in {@value #FILE}.
 */
public final class RunResultJson {

  /** The file a run folder keeps its result in. */
  public static final String FILE = "result.json";

  private static final ObjectMapper MAPPER = Json.mapper().copy()
      .registerModule(new Jdk8Module())
      .addMixIn(Verdict.class, VerdictTypes.class);
  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private RunResultJson() {
  }

  /** The mapper that reads and writes every type of the result model (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The result as indented JSON text, ending with a new line. */
  public static String toJson(RunResult result) {
    try {
      return PRETTY.writeValueAsString(result) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run result could not be written as JSON", e);
    }
  }

  /** Reads a result from JSON text; {@code source} names it in messages. */
  public static RunResult fromJson(String json, String source) {
    try {
      return MAPPER.readValue(json, RunResult.class);
    } catch (JsonProcessingException e) {
      throw new InputException(source, e.getLocation() == null ? 0
          : e.getLocation().getLineNr(), null, "is not a ragft run result: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Writes the result to {@code file} atomically (a temporary file moved into place). */
  public static void write(RunResult result, Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      Files.writeString(partial, toJson(result), StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the result in {@code file}. */
  public static RunResult read(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** How a {@link Verdict} names its variant in JSON. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Verdict.Pass.class, name = "pass"),
      @JsonSubTypes.Type(value = Verdict.Fail.class, name = "fail")})
  private interface VerdictTypes {
  }
}
