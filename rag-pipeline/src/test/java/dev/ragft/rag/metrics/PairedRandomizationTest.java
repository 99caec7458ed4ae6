package dev.ragft.rag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedRandomizationTest {

  @Test
  void small_samples_are_enumerated_exactly() {
    // Signs of (1, 1, 1): only +++ and --- reach |sum| 3, 2 of 8.
    assertThat(PairedRandomization.pValue(List.of(1.0, 1.0, 1.0), 1000, 1)).isEqualTo(0.25);
    // (1, 1, 1, -1) sums to 2; of the 16 sign patterns, 1 + 4 reach +4 or +2 and as many -4 or -2.
    assertThat(PairedRandomization.pValue(List.of(1.0, 1.0, 1.0, -1.0), 1000, 1))
        .isEqualTo(10.0 / 16);
    // A zero difference is as extreme as every assignment.
    assertThat(PairedRandomization.pValue(List.of(0.5, -0.5), 1000, 1)).isEqualTo(1.0);
    assertThat(PairedRandomization.pValue(List.of(), 1000, 1)).isEqualTo(1.0);
  }

  @Test
  void drawn_p_values_approach_the_exact_one_and_repeat_with_the_seed() {
    long seed = 20261122;
    System.out.println("PairedRandomizationTest seed: " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> differences = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      differences.add(random.nextDouble(-0.5, 0.7));
    }
    double exact = PairedRandomization.pValue(differences, 1 << 18, seed);
    double drawn = PairedRandomization.pValue(differences, 200_000, seed);
    assertThat(exact).isBetween(0.01, 0.99);
    // Standard error of the drawn value: sqrt(p (1 - p) / 200,000) <= 0.0012.
    assertThat(drawn).isCloseTo(exact, within(0.005)).isNotEqualTo(exact);
    assertThat(PairedRandomization.pValue(differences, 200_000, seed)).isEqualTo(drawn);
  }

  @Test
  void a_drawn_p_value_is_never_zero() {
    List<Double> allBetter = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      allBetter.add(0.1);
    }
    assertThat(PairedRandomization.pValue(allBetter, 999, 7)).isEqualTo(1.0 / 1000);
  }

  @Test
  void fewer_than_one_draw_is_refused() {
    assertThatThrownBy(() -> PairedRandomization.pValue(List.of(1.0), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign flips must be >= 1, but is: 0");
  }
}
