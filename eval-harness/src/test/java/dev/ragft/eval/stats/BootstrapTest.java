package dev.ragft.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static boolean[] outcomes(long seed, int n, double rate) {
    Random random = new Random(seed);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextDouble() < rate;
    }
    return out;
  }

  @Test
  void the_same_seed_gives_the_same_interval_and_another_seed_another() {
    boolean[] data = outcomes(7, 60, 0.6);
    Interval a = new Bootstrap(42, StatsConfig.DEFAULT).proportion(data);
    Interval b = new Bootstrap(42, StatsConfig.DEFAULT).proportion(data);
    Interval c = new Bootstrap(43, StatsConfig.DEFAULT).proportion(data);
    assertThat(a).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
  }

  /** Pinned values: a change of algorithm, quantile rule or random source shows here. */
  @Test
  void pinned_interval_for_a_known_seed() {
    boolean[] data = new boolean[20];
    Arrays.fill(data, 0, 12, true);
    Interval interval = new Bootstrap(2024, StatsConfig.DEFAULT).proportion(data);
    assertThat(interval.low()).isCloseTo(0.4, within(1e-12));
    assertThat(interval.high()).isCloseTo(0.8, within(1e-12));
  }

  /** The reference: materialize each resample and take the quantiles by the documented rule. */
  @Test
  void agrees_with_a_naive_resampling_reference() {
    long seed = 99;
    boolean[] before = outcomes(1, 37, 0.4);
    boolean[] after = outcomes(2, 37, 0.7);
    StatsConfig config = new StatsConfig(500, 0.9, 0.05, 0.8);
    Random random = new Random(seed);
    double[] stats = new double[500];
    for (int r = 0; r < 500; r++) {
      int[] picks = new int[37];
      for (int i = 0; i < 37; i++) {
        picks[i] = random.nextInt(37);
      }
      double meanAfter = Arrays.stream(picks).mapToDouble(i -> after[i] ? 1 : 0).average().orElseThrow();
      double meanBefore = Arrays.stream(picks).mapToDouble(i -> before[i] ? 1 : 0).average().orElseThrow();
      stats[r] = meanAfter - meanBefore;
    }
    Arrays.sort(stats);
    Interval interval = new Bootstrap(seed, config).meanDifference(before, after);
    assertThat(interval.low()).isCloseTo(stats[25], within(1e-9));
    assertThat(interval.high()).isCloseTo(stats[474], within(1e-9));
  }

  @Test
  void a_large_sample_interval_is_close_to_the_normal_one() {
    boolean[] data = new boolean[400];
    Arrays.fill(data, 0, 200, true);
    Interval interval = new Bootstrap(5, StatsConfig.DEFAULT).proportion(data);
    double half = 1.96 * Math.sqrt(0.25 / 400);
    assertThat(interval.low()).isCloseTo(0.5 - half, within(0.01));
    assertThat(interval.high()).isCloseTo(0.5 + half, within(0.01));
  }

  @Test
  void empty_or_unpaired_outcomes_are_rejected() {
    Bootstrap bootstrap = new Bootstrap(1, StatsConfig.DEFAULT);
    assertThatThrownBy(() -> bootstrap.proportion(new boolean[0])).hasMessage(
        "the bootstrap needs paired outcomes of equal, non-zero length, but has 0 and 0");
    assertThatThrownBy(() -> bootstrap.meanDifference(new boolean[2], new boolean[3])).hasMessage(
        "the bootstrap needs paired outcomes of equal, non-zero length, but has 2 and 3");
  }
}
