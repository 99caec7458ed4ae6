package dev.ragft.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a JSON Lines file one object at a time. Blank lines are ignored. A line that is not a
 * JSON object, or that a mapping function rejects with an {@link InputException}, is handled by
 * the {@link OnError} policy: reported and counted as {@link ProblemKind#MALFORMED_RECORD} and
 * skipped, or thrown. Everything read before a failure has already been handed to the caller, so
 * nothing done is lost.
 */
public final class JsonlReader implements Closeable {

  private static final ObjectMapper MAPPER = Json.mapper();

  private final Utf8LineReader lines;
  private final String source;
  private final OnError onError;
  private final InputProblems problems;
  private long skipped;

  /** Creates a reader over a stream; {@code source} names it in messages. */
  public JsonlReader(InputStream in, String source, OnError onError, InputProblems problems) {
    this.source = Objects.requireNonNull(source, "source");
    this.onError = Objects.requireNonNull(onError, "onError");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.lines = new Utf8LineReader(in, source, problems);
  }

  /** Opens a file; messages name it by its file name. */
  public static JsonlReader open(Path file, OnError onError, InputProblems problems) {
    try {
      return new JsonlReader(Files.newInputStream(file), file.getFileName().toString(), onError,
          problems);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot be opened: " + e.getMessage(), e);
    }
  }

  /** The next object, or null at the end. Malformed lines are handled by the policy. */
  public JsonLine next() {
    String text;
    while ((text = lines.readLine()) != null) {
      if (text.isBlank()) {
        continue;
      }
      long number = lines.lineNumber();
      try {
        JsonNode node = MAPPER.readTree(text);
        if (node instanceof ObjectNode object) {
          return new JsonLine(source, number, object);
        }
        reject(new InputException(source, number, null,
            "expected a JSON object, but found: " + kind(node)));
      } catch (JsonProcessingException e) {
        reject(new InputException(source, number, null,
            "is not valid JSON: " + e.getOriginalMessage(), e));
      }
    }
    return null;
  }

  /**
   * Streams every object through {@code mapper}. An {@link InputException} from the mapper is
   * handled by the policy like a malformed line; the stream is lazy and reads as it is consumed.
   */
  public <T> Stream<T> map(Function<JsonLine, T> mapper) {
    Iterator<T> iterator = new Iterator<>() {
      private T pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          JsonLine line = JsonlReader.this.next();
          if (line == null) {
            return false;
          }
          try {
            pending = Objects.requireNonNull(mapper.apply(line), "mapper result");
          } catch (InputException e) {
            reject(e);
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T result = pending;
        pending = null;
        return result;
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** How many records were skipped under {@link OnError#SKIP}. */
  public long skipped() {
    return skipped;
  }

  /** Applies the error policy to one bad record: throws it, or reports and counts it. */
  public void reject(InputException problem) {
    if (onError == OnError.FAIL) {
      throw problem;
    }
    skipped++;
    problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage() + " (skipped)");
  }

  private static String kind(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
  }

  @Override
  public void close() {
    lines.close();
  }
}
