package dev.ragft.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a stream line by line as UTF-8, one line in memory at a time. Accepts {@code \n} and
 * {@code \r\n} endings and a leading byte-order mark. A line with bytes that are not UTF-8 is still
 * returned, with each bad sequence replaced by U+FFFD, and the replacement is reported as
 * {@link ProblemKind#INVALID_UTF8} with the line number, so nothing is lost silently. A line longer
 * than the limit is an {@link InputException}: it means the file is not line-oriented.
 */
public final class Utf8LineReader implements Closeable {

  /** The default longest line accepted, in bytes (64 MiB). */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

  private final InputStream in;
  private final String source;
  private final InputProblems problems;
  private final int maxLineBytes;
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] buffer = new byte[8192];
  private long lineNumber;
  private boolean atStart = true;

  /**
   * Creates a reader.
   *
   * @param in the bytes; closed by {@link #close()}
   * @param source the name used in messages, usually the file name
   * @param problems where replaced bytes are reported
   * @param maxLineBytes the longest line accepted
   */
  public Utf8LineReader(InputStream in, String source, InputProblems problems, int maxLineBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.source = Objects.requireNonNull(source, "source");
    this.problems = Objects.requireNonNull(problems, "problems");
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be > 0, but is: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** Creates a reader with the default line limit. */
  public Utf8LineReader(InputStream in, String source, InputProblems problems) {
    this(in, source, problems, DEFAULT_MAX_LINE_BYTES);
  }

  /** The 1-based number of the line last returned (0 before the first). */
  public long lineNumber() {
    return lineNumber;
  }

  /** The next line without its line ending, or null at the end of the stream. */
  public String readLine() {
    try {
      int length = 0;
      boolean sawAny = false;
      while (true) {
        if (position == limit) {
          limit = in.read(chunk, 0, chunk.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!sawAny) {
              return null;
            }
            break;
          }
        }
        sawAny = true;
        int newline = -1;
        for (int i = position; i < limit; i++) {
          if (chunk[i] == '\n') {
            newline = i;
            break;
          }
        }
        int end = newline < 0 ? limit : newline;
        int count = end - position;
        if ((long) length + count > maxLineBytes) {
          throw new InputException(source, lineNumber + 1, null,
              "line is longer than " + maxLineBytes + " bytes; is this a line-oriented file?");
        }
        if (length + count > buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.max(length + count, buffer.length * 2));
        }
        System.arraycopy(chunk, position, buffer, length, count);
        length += count;
        position = end;
        if (newline >= 0) {
          position++;
          break;
        }
      }
      lineNumber++;
      if (length > 0 && buffer[length - 1] == '\r') {
        length--;
      }
      int start = 0;
      if (atStart) {
        atStart = false;
        if (length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
            && (buffer[2] & 0xff) == 0xBF) {
          start = 3;
        }
      }
      return decode(start, length);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private String decode(int start, int end) {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, start, end - start);
    try {
      CharBuffer chars = strict.reset().decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      problems.report(ProblemKind.INVALID_UTF8, InputException.format(source, lineNumber, null,
          "bytes that are not valid UTF-8 were replaced with U+FFFD"));
      return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot close: " + e.getMessage(), e);
    }
  }
}
