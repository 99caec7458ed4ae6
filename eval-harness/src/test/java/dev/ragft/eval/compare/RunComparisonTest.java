package dev.ragft.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.stats.StatsConfig;
import dev.ragft.eval.testing.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

  private static final RunResult A = TestRuns.builder(1, List.of("baseline", "rag", "old"))
      .add("c1", "KPP").add("c2", "PPP").add("c3", "KKP").add("c4", "BBP").add("c5", "KP-")
      .build();
  private static final RunResult B = TestRuns.builder(2, List.of("baseline", "rag", "new"))
      .add("c1", "KKP").add("c2", "PPP").add("c3", "KPP").add("c4", "BPP").add("c6", "KPP")
      .build();

  @Test
  void flips_and_deltas_per_setup() {
    RunComparison c = RunComparison.of(A, B, StatsConfig.DEFAULT);
    assertThat(c.setups()).extracting(SetupComparison::setupId).containsExactly("baseline", "rag");
    assertThat(c.setupsOnlyBefore()).containsExactly("old");
    assertThat(c.setupsOnlyAfter()).containsExactly("new");
    SetupComparison rag = c.setup("rag").orElseThrow();
    assertThat(rag.pairedCases()).containsExactly("c1", "c2", "c3", "c4");
    assertThat(rag.passToFail()).containsExactly("c1");
    assertThat(rag.failToPass()).containsExactly("c3", "c4");
    assertThat(rag.onlyBefore()).containsExactly("c5");
    assertThat(rag.onlyAfter()).containsExactly("c6");
    assertThat(rag.passRateBefore()).isEqualTo(0.5);
    assertThat(rag.passRateAfter()).isEqualTo(0.75);
    assertThat(rag.delta().orElseThrow().value()).isCloseTo(0.25, within(1e-12));
    assertThat(rag.delta().orElseThrow().interval().contains(0.25)).isTrue();
    assertThat(rag.labelDeltas()).containsEntry(FailureLabel.KNOWLEDGE, 0)
        .containsEntry(FailureLabel.BEHAVIOUR, -1);
    assertThat(c.passToFail()).isEqualTo(1);
    assertThat(c.failToPass()).isEqualTo(2);
    assertThat(c.seed()).isEqualTo(33);
  }

  @Test
  void the_same_runs_give_the_same_comparison_and_text() {
    RunComparison first = RunComparison.of(A, B, StatsConfig.DEFAULT);
    RunComparison second = RunComparison.of(A, B, StatsConfig.DEFAULT);
    assertThat(second).isEqualTo(first);
    String text = ComparisonText.render(first);
    assertThat(text).isEqualTo(ComparisonText.render(second));
    assertThat(text).contains("rag pass->fail: c1\n").contains("rag fail->pass: c3, c4\n")
        .contains("setups only in A: old\n").contains("flips: 1 pass->fail, 2 fail->pass");
  }

  @Test
  void an_identical_run_has_no_flips_and_a_zero_interval() {
    RunComparison c = RunComparison.of(A, A, StatsConfig.DEFAULT);
    assertThat(c.passToFail()).isZero();
    assertThat(c.setup("rag").orElseThrow().delta().orElseThrow().interval().low()).isZero();
    assertThat(c.setup("rag").orElseThrow().delta().orElseThrow().interval().high()).isZero();
  }
}
