package dev.ragft.datasets.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BEIR loader on the real SciFact files (shared test data; skipped when absent). */
class BeirSciFactTest {

  private static Path dir;

  @BeforeAll
  static void findSciFact() {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "ragft.shared.dir is not set; SciFact checks skipped");
    dir = Path.of(shared, "datasets", "scifact");
    assumeTrue(Files.isDirectory(dir), "no SciFact at " + dir + "; SciFact checks skipped");
  }

  @Test
  void scifact_reads_completely_with_its_published_counts() {
    InputProblems problems = InputProblems.collecting();
    BeirDataset scifact = BeirDataset.open(dir, OnError.FAIL, problems);
    assertThat(scifact.splits()).containsExactly("test", "train");
    try (Stream<BeirDocument> corpus = scifact.corpus()) {
      assertThat(corpus.count()).isEqualTo(5183);
    }
    List<Qrel> test = scifact.qrels("test");
    assertThat(test).hasSize(339);
    assertThat(test.getFirst()).isEqualTo(new Qrel("1", "31715818", 1));
    assertThat(scifact.queries("test")).hasSize(300);
    assertThat(scifact.qrels("train")).hasSize(919);
    assertThat(scifact.queries("train")).hasSize(809);
    assertThat(scifact.allQueries()).hasSize(1109);
    assertThat(problems.total()).isZero();
  }
}
