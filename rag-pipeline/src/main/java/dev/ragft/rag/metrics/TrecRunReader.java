package dev.ragft.rag.metrics;

import dev.ragft.common.RagftException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a standard TREC run file ({@code qid Q0 docid rank score tag}, whitespace-separated), as
 * {@link TrecRunWriter} and other tools write it. Like {@code trec_eval}, it ranks by score and
 * ignores the rank column; a malformed line is an error naming the file, the line and the field.
 */
public final class TrecRunReader {

  private TrecRunReader() {
  }

  /**
   * Each query's ranked documents.
   *
   * @throws RagftException when the file is missing, not UTF-8, empty or has a malformed line
   */
  public static Map<String, List<RankedDoc>> read(Path file) {
    Map<String, List<RankedDoc>> run = new TreeMap<>();
    Map<String, Set<String>> seen = new TreeMap<>();
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int number = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        decoder))) {
      String line;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.strip().split("\\s+");
        String where = file + ":" + number + ": ";
        if (fields.length != 6) {
          throw new RagftException(where + "a run line has 6 fields (qid Q0 docid rank score "
              + "tag), but this one has " + fields.length);
        }
        double score;
        try {
          score = Double.parseDouble(fields[4]);
        } catch (NumberFormatException e) {
          throw new RagftException(where + "field 5 (score) must be a number, but is: "
              + fields[4], e);
        }
        if (!Double.isFinite(score)) {
          throw new RagftException(where + "field 5 (score) must be finite, but is: " + fields[4]);
        }
        if (!seen.computeIfAbsent(fields[0], q -> new HashSet<>()).add(fields[2])) {
          throw new RagftException(where + "document " + fields[2] + " is ranked twice for query "
              + fields[0]);
        }
        run.computeIfAbsent(fields[0], q -> new ArrayList<>())
            .add(new RankedDoc(fields[2], score));
      }
    } catch (CharacterCodingException e) {
      throw new RagftException(file + ":" + (number + 1) + ": the run file is not UTF-8", e);
    } catch (NoSuchFileException e) {
      throw new RagftException("the run file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new RagftException("cannot read the run file " + file + ": " + e.getMessage(), e);
    }
    if (run.isEmpty()) {
      throw new RagftException("the run file " + file + " ranks no documents");
    }
    return run;
  }
}
