package dev.ragft.datasets.beir;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import dev.ragft.common.Utf8LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a BEIR qrels file: a header row ({@code query-id corpus-id score}), then one judgement per
 * line as three tab-separated columns. Blank lines are ignored; {@code \r\n} endings and a
 * byte-order mark are accepted.
 */
final class QrelsFile {

  private static final String HEADER = "query-id, corpus-id, score";

  private QrelsFile() {
  }

  static List<Qrel> read(Path file, String source, OnError onError, InputProblems problems) {
    List<Qrel> qrels = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (Utf8LineReader lines =
             new Utf8LineReader(Files.newInputStream(file), source, problems)) {
      boolean header = true;
      String text;
      while ((text = lines.readLine()) != null) {
        if (text.isBlank()) {
          continue;
        }
        long number = lines.lineNumber();
        String[] columns = text.split("\t", -1);
        if (header) {
          header = false;
          if (columns.length != 3 || !columns[0].strip().equalsIgnoreCase("query-id")) {
            throw new InputException(source, number, null,
                "must start with the header row " + HEADER + " (tab-separated), but starts with: "
                    + text);
          }
          continue;
        }
        try {
          Qrel qrel = parse(columns, source, number);
          String key = qrel.queryId() + '\t' + qrel.docId();
          Long earlier = seen.putIfAbsent(key, number);
          if (earlier != null) {
            throw new InputException(source, number, null, "judges query \"" + qrel.queryId()
                + "\" and document \"" + qrel.docId() + "\" again (first at line " + earlier
                + ")");
          }
          qrels.add(qrel);
        } catch (InputException e) {
          if (onError == OnError.FAIL) {
            throw e;
          }
          problems.report(ProblemKind.MALFORMED_RECORD, e.getMessage() + " (skipped)");
        }
      }
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
    return qrels;
  }

  private static Qrel parse(String[] columns, String source, long line) {
    if (columns.length != 3) {
      throw new InputException(source, line, null, "expected 3 tab-separated columns ("
          + HEADER + "), but found " + columns.length);
    }
    String query = columns[0].strip();
    String doc = columns[1].strip();
    if (query.isEmpty()) {
      throw new InputException(source, line, "query-id", "is empty");
    }
    if (doc.isEmpty()) {
      throw new InputException(source, line, "corpus-id", "is empty");
    }
    int score;
    try {
      score = Integer.parseInt(columns[2].strip());
    } catch (NumberFormatException e) {
      throw new InputException(source, line, "score",
          "must be a whole number, but is: \"" + columns[2].strip() + "\"", e);
    }
    if (score < 0) {
      throw new InputException(source, line, "score", "must be >= 0, but is: " + score);
    }
    return new Qrel(query, doc, score);
  }
}
