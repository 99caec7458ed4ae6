package dev.ragft.datasets.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import dev.ragft.common.ProblemKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

  @TempDir
  Path temp;

  private static Path mini() throws URISyntaxException {
    return Path.of(BeirDatasetTest.class.getResource("mini").toURI());
  }

  @Test
  void the_corpus_streams_in_file_order_and_skips_documents_without_any_text() throws Exception {
    InputProblems problems = InputProblems.collecting();
    BeirDataset dataset = BeirDataset.open(mini(), OnError.FAIL, problems);
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      assertThat(corpus.toList()).containsExactly(
          new BeirDocument("d1", "Tidal energy",
              "Tidal power converts the energy of tides into electricity."),
          new BeirDocument("d2", "", "Wave power captures energy from surface waves."),
          new BeirDocument("d3", "Title only", ""),
          new BeirDocument("5", "Numeric id", "An id written as a number is read as its text."));
    }
    assertThat(problems.count(ProblemKind.EMPTY_DOCUMENT)).isEqualTo(1);
    assertThat(problems.messages()).containsExactly(
        "corpus.jsonl:5: document \"d4\" has no title and no text (skipped)");
  }

  @Test
  void qrels_with_crlf_endings_and_blank_lines_are_read_in_file_order() throws Exception {
    BeirDataset dataset = BeirDataset.open(mini());
    assertThat(dataset.splits()).containsExactly("test", "train");
    List<Qrel> qrels = dataset.qrels("test");
    assertThat(qrels).containsExactly(new Qrel("q2", "d2", 2), new Qrel("q1", "d1", 1),
        new Qrel("q2", "d1", 0));
    assertThat(Qrel.byQuery(qrels)).isEqualTo(Map.of("q2", Map.of("d2", 2, "d1", 0),
        "q1", Map.of("d1", 1)));
    assertThat(Qrel.byQuery(qrels).keySet()).containsExactly("q2", "q1");
  }

  @Test
  void the_queries_of_a_split_are_those_it_judges_in_queries_file_order() throws Exception {
    BeirDataset dataset = BeirDataset.open(mini());
    assertThat(dataset.queries("test")).containsExactly(
        new BeirQuery("q1", "How is electricity made from tides?"),
        new BeirQuery("q2", "What captures energy from waves?"));
    assertThat(dataset.queries("train")).extracting(BeirQuery::id).containsExactly("q3");
    assertThat(dataset.allQueries()).hasSize(3);
  }

  @Test
  void an_unknown_split_names_the_splits_there_are() throws Exception {
    BeirDataset dataset = BeirDataset.open(mini());
    assertThatThrownBy(() -> dataset.qrels("dev"))
        .isInstanceOf(InputException.class)
        .hasMessage(mini() + ": has no split \"dev\"; its splits are: test, train");
  }

  @Test
  void a_folder_without_the_layout_is_refused() throws IOException {
    Files.writeString(temp.resolve("corpus.jsonl"), "");
    assertThatThrownBy(() -> BeirDataset.open(temp))
        .isInstanceOf(InputException.class)
        .hasMessage(temp + ": is not a BEIR dataset: queries.jsonl is missing");
    Files.writeString(temp.resolve("queries.jsonl"), "");
    Files.createDirectory(temp.resolve("qrels"));
    assertThatThrownBy(() -> BeirDataset.open(temp))
        .isInstanceOf(InputException.class)
        .hasMessage(temp + ": is not a BEIR dataset: qrels holds no .tsv file");
  }

  private BeirDataset withQrels(String qrels, OnError onError, InputProblems problems)
      throws IOException {
    Files.writeString(temp.resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"text\":\"x\"}\n");
    Files.writeString(temp.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"x?\"}\n");
    Files.createDirectories(temp.resolve("qrels"));
    Files.writeString(temp.resolve("qrels/test.tsv"), qrels, StandardCharsets.UTF_8);
    return BeirDataset.open(temp, onError, problems);
  }

  @Test
  void bad_qrels_lines_name_file_line_and_column() throws IOException {
    BeirDataset dataset = withQrels("query-id\tcorpus-id\tscore\nq1\td1\tmany\n", OnError.FAIL,
        InputProblems.collecting());
    assertThatThrownBy(() -> dataset.qrels("test"))
        .isInstanceOf(InputException.class)
        .hasMessage("qrels/test.tsv:2: field \"score\" must be a whole number, but is: \"many\"");
  }

  @Test
  void a_qrels_file_without_its_header_is_refused() throws IOException {
    BeirDataset dataset = withQrels("q1\td1\t1\n", OnError.SKIP, InputProblems.collecting());
    assertThatThrownBy(() -> dataset.qrels("test"))
        .isInstanceOf(InputException.class)
        .hasMessage("qrels/test.tsv:1: must start with the header row query-id, corpus-id, score "
            + "(tab-separated), but starts with: q1\td1\t1");
  }

  @Test
  void the_skip_policy_reports_bad_judgements_and_unknown_queries() throws IOException {
    InputProblems problems = InputProblems.collecting();
    BeirDataset dataset = withQrels("query-id\tcorpus-id\tscore\nq1\td1\t1\nq1 d1 1\nq1\td1\t2\n"
        + "q9\td1\t1\n", OnError.SKIP, problems);
    assertThat(dataset.qrels("test")).containsExactly(new Qrel("q1", "d1", 1),
        new Qrel("q9", "d1", 1));
    assertThat(dataset.queries("test")).extracting(BeirQuery::id).containsExactly("q1");
    assertThat(problems.messages()).containsExactly(
        "qrels/test.tsv:3: expected 3 tab-separated columns (query-id, corpus-id, score), but "
            + "found 1 (skipped)",
        "qrels/test.tsv:4: judges query \"q1\" and document \"d1\" again (first at line 2) "
            + "(skipped)",
        "qrels/test.tsv: judges query \"q9\", which is not in queries.jsonl (skipped)");
  }
}
