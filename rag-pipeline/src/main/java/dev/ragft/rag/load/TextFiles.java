package dev.ragft.rag.load;

import dev.ragft.common.InputException;
import dev.ragft.common.Utf8LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Reads a UTF-8 text file into one string with {@code \n} line endings, reporting bytes that are
 * not UTF-8 line by line and stopping as soon as the text passes the character limit.
 */
final class TextFiles {

  private TextFiles() {
  }

  /** The text of {@code file}, or null when it was too large or unreadable (reported). */
  static String read(SourceFile file, LoadContext context) {
    long limit = context.config().maxDocumentChars();
    int maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8L, 4 * limit + 8);
    InputStream in;
    try {
      in = Files.newInputStream(file.path());
    } catch (IOException e) {
      context.unreadable(file, "cannot be read: " + LoadContext.describe(e), e);
      return null;
    }
    try (Utf8LineReader lines =
        new Utf8LineReader(in, file.display(), context.problems(), maxLineBytes)) {
      StringBuilder text = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (lines.lineNumber() > 1) {
          text.append('\n');
        }
        text.append(line);
        if (text.length() > limit) {
          context.tooLargeText(file.display(), 0);
          return null;
        }
      }
      return text.toString();
    } catch (InputException e) {
      context.tooLargeText(file.display(), 0);
      return null;
    } catch (UncheckedIOException e) {
      context.unreadable(file, "cannot be read: " + LoadContext.describe(e.getCause()), e);
      return null;
    }
  }
}
