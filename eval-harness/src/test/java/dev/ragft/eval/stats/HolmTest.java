package dev.ragft.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

  /**
   * The worked example of the Holm–Bonferroni method: four hypotheses with p = 0.01, 0.04, 0.03
   * and 0.005 at alpha 0.05. Sorted, the thresholds are 0.0125, 0.0167, 0.025, 0.05: the first two
   * (0.005 and 0.01) are rejected, 0.03 is not, so the procedure stops. Adjusted: 4 x 0.005 = 0.02,
   * 3 x 0.01 = 0.03, 2 x 0.03 = 0.06, max(0.06, 1 x 0.04) = 0.06.
   */
  @Test
  void adjusts_the_worked_example() {
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
    assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
    long rejected = java.util.Arrays.stream(adjusted).filter(p -> p <= 0.05).count();
    assertThat(rejected).isEqualTo(2);
  }

  @Test
  void caps_at_one_and_keeps_ties_stable() {
    assertThat(Holm.adjust(new double[] {0.6, 0.6, 0.9})).containsExactly(1.0, 1.0, 1.0);
    assertThat(Holm.adjust(new double[] {0.01, 0.01})).containsExactly(0.02, 0.02);
    assertThat(Holm.adjust(new double[0])).isEmpty();
  }

  @Test
  void rejects_values_outside_zero_one() {
    assertThatThrownBy(() -> Holm.adjust(new double[] {0.2, 1.5}))
        .hasMessage("p-values must be in [0, 1], but one is: 1.5");
  }
}
