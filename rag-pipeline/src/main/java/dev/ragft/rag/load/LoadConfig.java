package dev.ragft.rag.load;

import dev.ragft.common.OnError;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * What to load and how: the one place the loading defaults live. Build it with {@link #builder}.
 *
 * @param paths the input files and directories, loaded in this order; at least one
 * @param include globs a file under a directory must match to be loaded, relative to that
 *     directory (e.g. {@code **}{@code /*.md}); empty means every file whose format is known
 *     (every file, when {@code format} is set)
 * @param exclude globs that drop a file under a directory even when included
 * @param format the format every file is read as, or null to choose by file name
 * @param version the version every document gets (Markdown front matter may set its own)
 * @param jsonlFields the field names of {@link DocumentFormat#JSONL} files
 * @param maxDocumentChars the longest document text kept, in characters; longer ones are
 *     reported as too large and skipped
 * @param maxFileBytes the largest single-document file (text, Markdown, HTML, PDF) opened, in
 *     bytes; larger ones are reported as too large and skipped without being read
 * @param onError what a malformed record (a bad JSONL line, bad front matter, a repeated id) or
 *     an unreadable file does: skip it with a report, or stop the load
 */
public record LoadConfig(List<Path> paths, List<String> include, List<String> exclude,
    DocumentFormat format, String version, JsonlFields jsonlFields, long maxDocumentChars,
    long maxFileBytes, OnError onError) {

  /** The version documents get unless configured. */
  public static final String DEFAULT_VERSION = "v1";
  /** The default limit on document text: 20 million characters. */
  public static final long DEFAULT_MAX_DOCUMENT_CHARS = 20_000_000L;
  /** The default limit on single-document files: 256 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;
  /** Files and folders whose name starts with a dot are left out unless configured otherwise. */
  public static final List<String> DEFAULT_EXCLUDE = List.of("**/.*", "**/.*/**");
  /** Bad records are reported and skipped unless configured otherwise. */
  public static final OnError DEFAULT_ON_ERROR = OnError.SKIP;

  /** Validates the settings and copies the lists. */
  public LoadConfig {
    paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("at least one input path is needed, but none was given");
    }
    include = validGlobs("include", include);
    exclude = validGlobs("exclude", exclude);
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank, but is: \"" + version + "\"");
    }
    Objects.requireNonNull(jsonlFields, "jsonlFields");
    if (maxDocumentChars <= 0) {
      throw new IllegalArgumentException(
          "max document size must be > 0 characters, but is: " + maxDocumentChars);
    }
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("max file size must be > 0 bytes, but is: " + maxFileBytes);
    }
    Objects.requireNonNull(onError, "onError");
  }

  /** A builder with every default set, loading {@code paths}. */
  public static Builder builder(List<Path> paths) {
    return new Builder(paths);
  }

  /** A configuration with every default, loading {@code paths}. */
  public static LoadConfig of(Path... paths) {
    return builder(List.of(paths)).build();
  }

  private static List<String> validGlobs(String name, List<String> globs) {
    List<String> copy = List.copyOf(Objects.requireNonNull(globs, name));
    for (String glob : copy) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            name + " glob \"" + glob + "\" is not valid: " + e.getDescription(), e);
      }
    }
    return copy;
  }

  /** Collects settings for a {@link LoadConfig}; unset ones keep their defaults. */
  public static final class Builder {
    private final List<Path> paths;
    private final List<String> include = new ArrayList<>();
    private List<String> exclude = DEFAULT_EXCLUDE;
    private DocumentFormat format;
    private String version = DEFAULT_VERSION;
    private JsonlFields jsonlFields = JsonlFields.DEFAULT;
    private long maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private OnError onError = DEFAULT_ON_ERROR;

    private Builder(List<Path> paths) {
      this.paths = List.copyOf(paths);
    }

    /** Adds include globs. */
    public Builder include(List<String> globs) {
      include.addAll(globs);
      return this;
    }

    /** Replaces the exclude globs (the default leaves out dot files). */
    public Builder exclude(List<String> globs) {
      exclude = List.copyOf(globs);
      return this;
    }

    /** Reads every file as {@code format} instead of choosing by file name. */
    public Builder format(DocumentFormat format) {
      this.format = format;
      return this;
    }

    /** Sets the version documents get. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Sets the field names of JSONL files. */
    public Builder jsonlFields(JsonlFields jsonlFields) {
      this.jsonlFields = jsonlFields;
      return this;
    }

    /** Sets the longest document text kept, in characters. */
    public Builder maxDocumentChars(long maxDocumentChars) {
      this.maxDocumentChars = maxDocumentChars;
      return this;
    }

    /** Sets the largest single-document file opened, in bytes. */
    public Builder maxFileBytes(long maxFileBytes) {
      this.maxFileBytes = maxFileBytes;
      return this;
    }

    /** Sets what a malformed record or unreadable file does. */
    public Builder onError(OnError onError) {
      this.onError = onError;
      return this;
    }

    /** The configuration; validates it. */
    public LoadConfig build() {
      return new LoadConfig(paths, include, exclude, format, version, jsonlFields,
          maxDocumentChars, maxFileBytes, onError);
    }
  }
}
