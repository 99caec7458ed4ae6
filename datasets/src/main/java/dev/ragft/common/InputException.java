package dev.ragft.common;

import java.util.Objects;

/**
 * Bad input: a file, a line or a field that ragft cannot use. The message has the form
 * {@code source:line: field "name": what is wrong} (line and field only when known), so a user can
 * go straight to the spot, for example {@code queries.jsonl:17: field "_id" is missing}.
 */
public class InputException extends RagftException {

  private final String source;
  private final long line;
  private final String field;
  private final String problem;

  /**
   * Creates an input error.
   *
   * @param source the file name or other origin of the input, never null
   * @param line the 1-based line number, or 0 when the input has no lines
   * @param field the offending field, or null when the whole record is at fault
   * @param problem what is wrong, phrased so that it completes the sentence
   */
  public InputException(String source, long line, String field, String problem) {
    this(source, line, field, problem, null);
  }

  /** Creates an input error with the exception that revealed it. */
  public InputException(String source, long line, String field, String problem, Throwable cause) {
    super(format(source, line, field, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.field = field;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** Formats a location and a problem the way every ragft input message reads. */
  public static String format(String source, long line, String field, String problem) {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (field != null) {
      text.append("field \"").append(field).append("\" ");
    }
    return text.append(problem).toString();
  }

  /** The file name or other origin of the bad input. */
  public String source() {
    return source;
  }

  /** The 1-based line number, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** The offending field, or null when the whole record is at fault. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
