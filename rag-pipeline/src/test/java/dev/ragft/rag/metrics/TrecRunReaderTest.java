package dev.ragft.rag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrecRunReaderTest {

  @TempDir
  Path dir;

  @Test
  void reads_what_the_writer_writes_and_scores_it_the_same() {
    Map<String, List<RankedDoc>> run = Map.of(
        "q1", List.of(new RankedDoc("d2", 0.25), new RankedDoc("d1", 0.75)),
        "q2", List.of(new RankedDoc("d3", -1.5e-3)));
    Path file = dir.resolve("a.run");
    TrecRunWriter.write(file, run, "t");
    Map<String, List<RankedDoc>> read = TrecRunReader.read(file);
    assertThat(read).containsOnlyKeys("q1", "q2");
    assertThat(read.get("q1")).containsExactly(new RankedDoc("d1", 0.75),
        new RankedDoc("d2", 0.25));
    assertThat(read.get("q2")).containsExactly(new RankedDoc("d3", -1.5e-3));
    Map<String, Map<String, Integer>> qrels = Map.of("q1", Map.of("d2", 1), "q2", Map.of("d3", 2));
    assertThat(TrecEval.BEIR.evaluate(read, qrels)).isEqualTo(TrecEval.BEIR.evaluate(run, qrels));
  }

  @Test
  void ranks_by_score_not_by_the_rank_column_and_skips_blank_lines() throws IOException {
    Path file = dir.resolve("b.run");
    Files.writeString(file, "q1 Q0 d1 1 0.1 t\n\nq1\tQ0\td2\t2\t0.9\tt\n");
    Map<String, Map<String, Integer>> qrels = Map.of("q1", Map.of("d2", 1));
    assertThat(TrecEval.BEIR.evaluate(TrecRunReader.read(file), qrels).mrr()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "q1 Q0 d1 1 0.5|:2: a run line has 6 fields (qid Q0 docid rank score tag), but this one has 5",
      "q1 Q0 d2 2 high t|:2: field 5 (score) must be a number, but is: high",
      "q1 Q0 d2 2 NaN t|:2: field 5 (score) must be finite, but is: NaN",
      "q1 Q0 d1 2 0.4 t|:2: document d1 is ranked twice for query q1"})
  void malformed_lines_name_the_file_line_and_field(String bad, String message)
      throws IOException {
    Path file = dir.resolve("bad.run");
    Files.writeString(file, "q1 Q0 d1 1 0.9 t\n" + bad + "\n");
    assertThatThrownBy(() -> TrecRunReader.read(file)).isInstanceOf(RagftException.class)
        .hasMessage(file + message);
  }

  @Test
  void missing_empty_and_non_utf8_files_are_one_sentence_each() throws IOException {
    Path missing = dir.resolve("none.run");
    assertThatThrownBy(() -> TrecRunReader.read(missing)).isInstanceOf(RagftException.class)
        .hasMessage("the run file " + missing + " does not exist");
    Path empty = Files.writeString(dir.resolve("empty.run"), "\n");
    assertThatThrownBy(() -> TrecRunReader.read(empty)).isInstanceOf(RagftException.class)
        .hasMessage("the run file " + empty + " ranks no documents");
    Path latin1 = Files.write(dir.resolve("latin1.run"),
        new byte[] {'q', '1', ' ', 'Q', '0', ' ', 'd', (byte) 0xE9, ' ', '1', ' ', '1', ' ', 't'});
    assertThatThrownBy(() -> TrecRunReader.read(latin1)).isInstanceOf(RagftException.class)
        .hasMessage(latin1 + ":1: the run file is not UTF-8");
  }
}
