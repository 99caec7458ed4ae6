package dev.ragft.rag.pipeline;

import dev.ragft.rag.load.DocumentFormat;
import dev.ragft.rag.load.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Counts the documents a load will yield before it runs, so progress can show a total and a time
 * left: one per single-document file, one per non-blank line of a JSON Lines file (a byte scan,
 * far cheaper than the parsing and embedding that follow).
 */
public final class CorpusSize {

  private CorpusSize() {
  }

  /** The number of documents in the files, counting JSONL lines. */
  public static long estimate(List<SourceFile> files) {
    long total = 0;
    for (SourceFile file : files) {
      total += file.format() == DocumentFormat.JSONL || file.format() == DocumentFormat.BEIR
          ? nonBlankLines(file) : 1;
    }
    return total;
  }

  private static long nonBlankLines(SourceFile file) {
    long lines = 0;
    boolean content = false;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file.path())) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            if (content) {
              lines++;
            }
            content = false;
          } else if (b != ' ' && b != '\r' && b != '\t') {
            content = true;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file.path() + ": cannot be read: " + e.getMessage(), e);
    }
    return content ? lines + 1 : lines;
  }
}
