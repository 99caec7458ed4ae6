package dev.ragft.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.testing.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatisticsTest {

  private static RunResult run() {
    return TestRuns.builder(11, List.of("baseline", "rag", "hybrid"))
        .add("k", 8, "KPP")
        .add("b", 3, "BBP")
        .add("p", 4, "PPP")
        .add("r", 1, "PRP")
        .add("x", 2, "XGX")
        .build();
  }

  @Test
  void pass_rates_and_labels_per_setup() {
    RunStatistics stats = RunStatistics.of(run(), StatsConfig.DEFAULT);
    SetupStats baseline = stats.setup("baseline").orElseThrow();
    assertThat(baseline.cases()).isEqualTo(18);
    assertThat(baseline.passed()).isEqualTo(5);
    assertThat(baseline.passRate()).isCloseTo(5.0 / 18, within(1e-12));
    assertThat(baseline.interval().orElseThrow().contains(5.0 / 18)).isTrue();
    assertThat(baseline.labels()).containsEntry(FailureLabel.KNOWLEDGE, 8)
        .containsEntry(FailureLabel.BEHAVIOUR, 3).containsEntry(FailureLabel.KNOWLEDGE_AND_BEHAVIOUR, 2)
        .containsEntry(FailureLabel.GROUNDING, 0);
    SetupStats rag = stats.setup("rag").orElseThrow();
    assertThat(rag.labels()).containsEntry(FailureLabel.RETRIEVAL_MISS, 1)
        .containsEntry(FailureLabel.GROUNDING, 2);
    assertThat(baseline.consistency()).isEmpty();
  }

  @Test
  void every_pair_is_tested_and_holm_corrected() {
    RunStatistics stats = RunStatistics.of(run(), StatsConfig.DEFAULT);
    assertThat(stats.pairs()).extracting(p -> p.first() + "/" + p.second())
        .containsExactly("baseline/rag", "baseline/hybrid", "rag/hybrid");
    PairTest baselineRag = stats.pairs().getFirst();
    assertThat(baselineRag.firstOnly()).isEqualTo(1);
    assertThat(baselineRag.secondOnly()).isEqualTo(8);
    assertThat(baselineRag.pValue()).isCloseTo(McNemar.exactPValue(1, 8), within(1e-15));
    assertThat(baselineRag.difference().orElseThrow().value()).isCloseTo(7.0 / 18, within(1e-12));
    double[] raw = stats.pairs().stream().mapToDouble(PairTest::pValue).toArray();
    double[] holm = Holm.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(stats.pairs().get(i).holmPValue()).isEqualTo(holm[i]);
      assertThat(stats.pairs().get(i).significant()).isEqualTo(holm[i] <= 0.05);
    }
    PairTest baselineHybrid = stats.pairs().get(1);
    assertThat(baselineHybrid.secondOnly()).isEqualTo(11);
    assertThat(baselineHybrid.significant()).isTrue();
    assertThat(stats.minimumDiscordant()).isEqualTo(6);
    assertThat(stats.detectableBound()).isPresent();
  }

  @Test
  void consistency_counts_cases_passing_in_every_sample() {
    RunResult run = TestRuns.builder(3, List.of("baseline", "rag"))
        .add("a", "PP").secondSample("a", "PK")
        .add("b", "KP").secondSample("b", "KP")
        .add("c", "PP").secondSample("c", "BP")
        .build();
    RunStatistics stats = RunStatistics.of(run, StatsConfig.DEFAULT);
    SetupStats baseline = stats.setup("baseline").orElseThrow();
    assertThat(baseline.passed()).isEqualTo(2);
    assertThat(baseline.consistentPasses()).isEqualTo(1);
    assertThat(baseline.consistency().orElseThrow().value()).isCloseTo(1.0 / 3, within(1e-12));
    SetupStats rag = stats.setup("rag").orElseThrow();
    assertThat(rag.consistentPasses()).isEqualTo(2);
  }
}
