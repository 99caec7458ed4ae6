package dev.ragft.finetune.provider.http;

import dev.ragft.common.Hashes;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one streamed file, as the
 * providers' file-upload endpoints expect. The boundary is derived from a seed, so the same upload
 * always has the same bytes; the file is read from disk each time the body is sent.
 */
public final class Multipart {

  private static final String CRLF = "\r\n";

  private final String boundary;
  private final List<String> fields = new ArrayList<>();
  private String fileField;
  private String fileName;
  private String fileType;
  private Path file;

  /** Starts a body whose boundary is derived from {@code boundarySeed}. */
  public Multipart(String boundarySeed) {
    this.boundary = "ragft-" + Hashes.sha256(boundarySeed).substring(0, 32);
  }

  /** Adds a text field. */
  public Multipart field(String name, String value) {
    fields.add("--" + boundary + CRLF
        + "Content-Disposition: form-data; name=\"" + name + "\"" + CRLF + CRLF
        + value + CRLF);
    return this;
  }

  /** Sets the file part, sent after the fields. */
  public Multipart file(String name, String filename, String contentType, Path path) {
    this.fileField = Objects.requireNonNull(name, "name");
    this.fileName = Objects.requireNonNull(filename, "filename");
    this.fileType = Objects.requireNonNull(contentType, "contentType");
    this.file = Objects.requireNonNull(path, "path");
    return this;
  }

  /** The value of the {@code Content-Type} header for this body. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body; the file is streamed from disk. */
  public BodyPublisher publisher() {
    if (file == null) {
      throw new IllegalStateException("a multipart upload needs its file part");
    }
    String head = String.join("", fields)
        + "--" + boundary + CRLF
        + "Content-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
        + "\"" + CRLF
        + "Content-Type: " + fileType + CRLF + CRLF;
    String tail = CRLF + "--" + boundary + "--" + CRLF;
    try {
      return BodyPublishers.concat(
          BodyPublishers.ofString(head, StandardCharsets.UTF_8),
          BodyPublishers.ofFile(file),
          BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("cannot read " + file + " for upload: " + e.getMessage(), e);
    }
  }
}
