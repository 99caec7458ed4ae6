package dev.ragft.eval.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes a {@link RunResult} as JSON: keys sorted, two-space indentation, {@code \n}
 * line ends and a final newline, so the same run always gives the same bytes on every platform.
 * A finished run directory holds its result as {@value #RESULT_FILE}.
 */
public final class RunResultJson {

  /** The name of the result file in a run directory. */
  public static final String RESULT_FILE = "result.json";

  private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(new Jdk8Module());

  private RunResultJson() {
  }

  /**
   * The mapper for run results and everything built from them: sorted, strict, Optional-aware
   * (thread-safe; copy it before configuring).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A writer that indents with two spaces and ends lines with {@code \n} on every platform. */
  public static ObjectWriter prettyWriter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return MAPPER.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  /** The run as indented JSON text with a final newline. */
  public static String toJson(RunResult run) {
    try {
      return prettyWriter().writeValueAsString(run) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run result could not be written as JSON", e);
    }
  }

  /**
   * Reads a run: {@code path} is a result file, or a run directory holding {@value #RESULT_FILE}.
   *
   * @throws InputException when the file is missing or is not a valid run result; the message
   *     names the file, the line and the field
   */
  public static RunResult read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(RESULT_FILE) : path;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, null, Files.isDirectory(path)
          ? "is missing: the run directory has no result (has the run finished?)"
          : "does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return MAPPER.readValue(bytes, RunResult.class);
    } catch (JsonMappingException e) {
      throw new InputException(file.toString(), line(e.getLocation()), fieldPath(e), problem(e), e);
    } catch (IOException e) {
      JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
      throw new InputException(file.toString(), line(location), null,
          "is not valid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  private static long line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return "is invalid: " + e.getCause().getMessage();
    }
    return "is invalid: " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
