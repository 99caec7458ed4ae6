package dev.ragft.finetune.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a {@code multipart/form-data} body into its parts, as a server would. */
public final class MultipartParser {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One part: its headers, form name, file name (null for fields) and bytes. */
  public record Part(Map<String, String> headers, String name, String filename, byte[] content) {

    /** The content as UTF-8 text. */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private MultipartParser() {
  }

  /** Parses a body with the boundary from its Content-Type; throws when it is malformed. */
  public static List<Part> parse(String contentType, byte[] body) {
    Matcher boundaryMatch = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (contentType == null || !contentType.startsWith("multipart/form-data")
        || !boundaryMatch.find()) {
      throw new IllegalArgumentException("not a multipart/form-data body: " + contentType);
    }
    byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at != 0) {
      throw new IllegalArgumentException("the body does not start with the boundary");
    }
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(body, afterDelimiter, "--")) {
        if (!startsWith(body, afterDelimiter + 2, "\r\n")
            || afterDelimiter + 4 != body.length) {
          throw new IllegalArgumentException("the closing boundary is not followed by CRLF only");
        }
        return parts;
      }
      if (!startsWith(body, afterDelimiter, "\r\n")) {
        throw new IllegalArgumentException("a boundary is not followed by CRLF");
      }
      int headersStart = afterDelimiter + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
          headersStart);
      byte[] next = ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
          .getBytes(StandardCharsets.ISO_8859_1);
      int contentEnd = indexOf(body, next, headersEnd + 4);
      if (headersEnd < 0 || contentEnd < 0) {
        throw new IllegalArgumentException("a part is not terminated");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : new String(body, headersStart, headersEnd - headersStart,
          StandardCharsets.UTF_8).split("\r\n")) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
      String disposition = headers.getOrDefault("Content-Disposition", "");
      Matcher name = NAME.matcher(disposition);
      Matcher filename = FILENAME.matcher(disposition);
      parts.add(new Part(headers, name.find() ? name.group(1) : null,
          filename.find() ? filename.group(1) : null,
          Arrays.copyOfRange(body, headersEnd + 4, contentEnd)));
      at = contentEnd + 2;
    }
  }

  private static boolean startsWith(byte[] body, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (at + bytes.length > body.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (body[at + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
