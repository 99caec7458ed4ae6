package dev.ragft.rag.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WeightTuningTest {

  @Test
  void grid_of_two_lists_in_quarters_falls_from_the_first_list() {
    assertThat(new WeightTuning("train", 0.25).grid(2)).containsExactly(
        List.of(1.0, 0.0), List.of(0.75, 0.25), List.of(0.5, 0.5), List.of(0.25, 0.75),
        List.of(0.0, 1.0));
  }

  @ParameterizedTest
  @CsvSource({"1, 0.1, 1", "2, 0.1, 11", "3, 0.1, 66", "4, 0.1, 286", "3, 0.05, 231",
      "5, 0.2, 126", "3, 1, 3"})
  void grid_holds_every_weighting_once_each_summing_to_one(int lists, double step, int size) {
    List<List<Double>> grid = new WeightTuning("train", step).grid(lists);
    assertThat(grid).hasSize(size);
    assertThat(new HashSet<>(grid)).hasSize(size);
    for (List<Double> weights : grid) {
      assertThat(weights).hasSize(lists).allSatisfy(w -> assertThat(w).isBetween(0.0, 1.0));
      assertThat(weights.stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void grid_weights_are_the_doubles_nearest_the_decimal_steps() {
    assertThat(new WeightTuning("train", 0.1).grid(3)).contains(List.of(0.3, 0.5, 0.2));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.1, 0.3, 0.15, 1.5, 0.001, Double.NaN})
  void a_step_that_does_not_divide_one_is_refused(double step) {
    assertThatThrownBy(() -> new WeightTuning("train", step))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the tuning step must be one over a whole number from 1 to 100 (0.5, 0.25, "
            + "0.2, 0.1, 0.05, ...), but is: " + step);
  }

  @Test
  void a_grid_too_large_to_score_is_refused_naming_its_size() {
    assertThatThrownBy(() -> new WeightTuning("train", 0.01).grid(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tuning step of 0.01 over 4 lists gives 176851 weightings, more than "
            + "100000; choose a coarser step");
    assertThat(WeightTuning.candidates(3, 100)).isEqualTo(5151);
    assertThat(WeightTuning.candidates(300, 100)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> new WeightTuning("train", 0.1).grid(0))
        .hasMessage("weight tuning needs at least one list, but has: 0");
  }

  @Test
  void the_split_must_be_named() {
    assertThatThrownBy(() -> new WeightTuning(" ", 0.1))
        .hasMessage("the tuning split must be named, but is blank");
  }
}
