package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.eval.context.CaseContext;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RetrievalScores;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.Usage;
import dev.ragft.eval.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps what was recorded, drops a line cut short, and refuses another run's. */
class RunJournalTest {

  @TempDir
  Path dir;

  private static final CaseContext CONTEXT = new CaseContext(List.of(new Passage(1, "doc", "v1",
      "doc.md", 0, 4, "text", true)), Optional.of(new RetrievalScores(3, 1, 1, 1)));

  private static Sample sample(int index, String answer) {
    return new Sample(index, answer, new Verdict.Pass(), List.of(),
        new Usage(10, 2, 5, 0, false));
  }

  @Test
  void what_is_recorded_is_read_back_after_reopening() {
    try (RunJournal journal = RunJournal.open(dir, "run-1", "abc")) {
      journal.recordContext("k", "rag", CONTEXT);
      journal.recordSample(new SampleKey("k", "rag", 0), 11, sample(0, "one"));
      journal.recordSample(new SampleKey("k", "rag", 1), 12, sample(1, "two"));
    }

    try (RunJournal journal = RunJournal.open(dir, "run-1", "abc")) {
      assertThat(journal.context("k", "rag")).contains(CONTEXT);
      assertThat(journal.sample(new SampleKey("k", "rag", 1))).contains(sample(1, "two"));
      assertThat(journal.sampleOrder()).containsExactly(new SampleKey("k", "rag", 0),
          new SampleKey("k", "rag", 1));
      assertThat(journal.context("k", "baseline")).isEmpty();
    }
  }

  @Test
  void a_line_cut_short_by_a_kill_is_dropped_and_writing_goes_on_after_the_last_whole_line()
      throws Exception {
    try (RunJournal journal = RunJournal.open(dir, "run-1", "abc")) {
      journal.recordSample(new SampleKey("k", "baseline", 0), 1, sample(0, "kept"));
    }
    Path file = dir.resolve(RunJournal.FILE);
    Files.writeString(file, "{\"type\":\"sample\",\"case\":\"k\",\"set", StandardOpenOption.APPEND);

    try (RunJournal journal = RunJournal.open(dir, "run-1", "abc")) {
      assertThat(journal.sampleCount()).isEqualTo(1);
      journal.recordSample(new SampleKey("k", "baseline", 1), 2, sample(1, "new"));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(
        "{\"type\":\"run\",\"format\":1,\"runId\":\"run-1\",\"config\":\"abc\"}");
    assertThat(lines.get(2)).startsWith("{\"type\":\"sample\",\"case\":\"k\","
        + "\"setup\":\"baseline\",\"seed\":2,\"sample\":{\"answer\":\"new\"");
  }

  @Test
  void a_journal_of_another_configuration_is_refused() {
    RunJournal.open(dir, "run-1", "abc").close();

    assertThatThrownBy(() -> RunJournal.open(dir, "run-1", "def"))
        .isInstanceOf(RagftException.class)
        .hasMessage("the journal " + dir.resolve(RunJournal.FILE) + " belongs to run run-1 with"
            + " another configuration; resume that run with 'ragft eval resume " + dir
            + "' or choose another --out");
  }

  @Test
  void a_broken_line_in_the_middle_is_an_input_error_naming_the_line() throws Exception {
    RunJournal.open(dir, "run-1", "abc").close();
    Files.writeString(dir.resolve(RunJournal.FILE), "not json\n{\"type\":\"run\"}\n",
        StandardOpenOption.APPEND);

    assertThatThrownBy(() -> RunJournal.open(dir, "run-1", "abc"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve(RunJournal.FILE) + ":2: is not a journal record: ");
  }
}
