package dev.ragft.rag.load;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;

/**
 * The state of one load that every format reader shares: the configuration, where problems go,
 * the ids already loaded, and the counts. Applies the rules every document passes (not empty, not
 * too large, id not seen before) and the {@link OnError} policy, so that every format reports the
 * same problem with the same words.
 */
final class LoadContext {

  private final LoadConfig config;
  private final InputProblems problems;
  private final Set<String> ids = new HashSet<>();
  private long filesOpened;
  private long documentsLoaded;

  LoadContext(LoadConfig config, InputProblems problems) {
    this.config = config;
    this.problems = problems;
  }

  LoadConfig config() {
    return config;
  }

  InputProblems problems() {
    return problems;
  }

  long filesOpened() {
    return filesOpened;
  }

  long documentsLoaded() {
    return documentsLoaded;
  }

  void fileOpened() {
    filesOpened++;
  }

  /**
   * Decides whether a loaded document is kept: an empty one or a too large one is reported and
   * dropped (false); a repeated id is a malformed record, thrown for the caller's policy.
   */
  boolean admit(Document document, String where, long line) {
    if (document.text().isBlank()) {
      problems.report(ProblemKind.EMPTY_DOCUMENT, InputException.format(where, line, null,
          "document \"" + document.id() + "\" has no text (skipped)"));
      return false;
    }
    if (document.text().length() > config.maxDocumentChars()) {
      tooLargeText(where, line);
      return false;
    }
    if (!ids.add(document.id())) {
      throw new InputException(where, line, null,
          "document id \"" + document.id() + "\" was already loaded");
    }
    documentsLoaded++;
    return true;
  }

  /** Like {@link #admit} for a one-document file, applying the policy to a repeated id. */
  boolean admit(Document document, SourceFile file) {
    try {
      return admit(document, file.display(), 0);
    } catch (InputException e) {
      malformed(e);
      return false;
    }
  }

  /** Reports text over the character limit. */
  void tooLargeText(String where, long line) {
    problems.report(ProblemKind.TOO_LARGE, InputException.format(where, line, null,
        "text is longer than the limit of " + config.maxDocumentChars() + " characters (skipped)"));
  }

  /**
   * Whether a one-document file is over the byte limit (reported) or cannot even be measured
   * (handled as unreadable); true means skip it.
   */
  boolean skipBySize(SourceFile file) {
    long size;
    try {
      size = Files.size(file.path());
    } catch (IOException e) {
      unreadable(file, "cannot be read: " + describe(e), e);
      return true;
    }
    if (size > config.maxFileBytes()) {
      problems.report(ProblemKind.TOO_LARGE, InputException.format(file.display(), 0, null,
          "file has " + size + " bytes, more than the limit of " + config.maxFileBytes()
              + " (skipped)"));
      return true;
    }
    return false;
  }

  /** Applies the policy to a malformed record: throws it, or reports it as skipped. */
  void malformed(InputException problem) {
    if (config.onError() == OnError.FAIL) {
      throw problem;
    }
    problems.report(ProblemKind.MALFORMED_RECORD, problem.getMessage() + " (skipped)");
  }

  /** Applies the policy to a file that cannot be read: throws, or reports it as skipped. */
  void unreadable(SourceFile file, String problem, Throwable cause) {
    InputException error = new InputException(file.display(), 0, null, problem, cause);
    if (config.onError() == OnError.FAIL) {
      throw error;
    }
    problems.report(ProblemKind.UNREADABLE_FILE, error.getMessage() + " (skipped)");
  }

  /** A short description of an I/O failure for a message. */
  static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "its symbolic links form a loop";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
