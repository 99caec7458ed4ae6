package dev.ragft.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class WilsonAndEffectTest {

  @Test
  void wilson_interval_of_known_shares() {
    Interval eightOfTen = Wilson.interval(8, 10, 0.95);
    assertThat(eightOfTen.low()).isCloseTo(0.4902, within(1e-4));
    assertThat(eightOfTen.high()).isCloseTo(0.9433, within(1e-4));
    Interval none = Wilson.interval(0, 10, 0.95);
    assertThat(none.low()).isEqualTo(0.0);
    assertThat(none.high()).isCloseTo(3.8415 / 13.8415, within(1e-4));
    assertThatThrownBy(() -> Wilson.interval(3, 2, 0.95))
        .hasMessage("a Wilson interval needs 0 <= k <= n and n > 0, but k = 3 and n = 2");
  }

  /**
   * Connor's formula by hand: psi = 0.3, delta = 0.1, alpha 0.05, power 0.8 gives
   * n = (1.95996 sqrt(0.3) + 0.84162 sqrt(0.29))^2 / 0.01 = 233.1 cases.
   */
  @Test
  void detectable_effect_inverts_connors_sample_size() {
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double za = normal.inverseCumulativeProbability(0.975);
    double zb = normal.inverseCumulativeProbability(0.8);
    double n = DetectableEffect.requiredCases(0.1, 0.3, za, zb);
    assertThat(n).isCloseTo(233.10, within(0.01));
    assertThat(DetectableEffect.paired(234, 0.3, 0.05, 0.8).getAsDouble()).isBetween(0.0995, 0.1);
    assertThat(DetectableEffect.paired(233, 0.3, 0.05, 0.8).getAsDouble()).isBetween(0.1, 0.1005);
  }

  @Test
  void more_cases_detect_smaller_effects_and_too_few_detect_none() {
    double at40 = DetectableEffect.bound(40, 0.05, 0.8).getAsDouble();
    double at400 = DetectableEffect.bound(400, 0.05, 0.8).getAsDouble();
    assertThat(at400).isLessThan(at40);
    assertThat(DetectableEffect.bound(3, 0.05, 0.8)).isEmpty();
    assertThat(DetectableEffect.bound(4, 0.05, 0.8)).isPresent();
  }
}
