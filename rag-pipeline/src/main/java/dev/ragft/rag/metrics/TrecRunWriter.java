package dev.ragft.rag.metrics;

import dev.ragft.common.RagftException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a standard TREC run file ({@code qid Q0 docid rank score tag}), queries in id order and
 * each ranking in {@code trec_eval}'s order with scores at full precision, so that the file scores the same in {@code trec_eval}
 * as in {@link TrecEval}.
 */
public final class TrecRunWriter {

  private TrecRunWriter() {
  }

  /** Writes the run to {@code file}, replacing it. */
  public static void write(Path file, Map<String, List<RankedDoc>> run, String tag) {
    if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("run tag must be one word, but is: '" + tag + "'");
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<RankedDoc>> entry : new TreeMap<>(run).entrySet()) {
        List<RankedDoc> ranking = new ArrayList<>(entry.getValue());
        ranking.sort(TrecEval.TREC_ORDER);
        for (int i = 0; i < ranking.size(); i++) {
          RankedDoc doc = ranking.get(i);
          out.write(entry.getKey() + " Q0 " + doc.docId() + " " + (i + 1) + " "
              + doc.score() + " " + tag + "\n");
        }
      }
    } catch (IOException e) {
      throw new RagftException("cannot write the run file " + file + ": " + e.getMessage(), e);
    }
  }
}
