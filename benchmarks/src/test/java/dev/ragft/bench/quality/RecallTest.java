package dev.ragft.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecallTest {

  @Test
  void recall_counts_true_neighbours_found_whatever_their_order() {
    assertThat(Recall.atK(List.of("c", "b", "a"), List.of("a", "b", "c"), 3)).isEqualTo(1.0);
    assertThat(Recall.atK(List.of("a", "x", "y", "b"), List.of("a", "b", "c", "d"), 3))
        .isEqualTo(1.0 / 3);
    assertThat(Recall.atK(List.of(), List.of("a"), 10)).isEqualTo(0.0);
    assertThat(Recall.atK(List.of("a"), List.of(), 10)).isEqualTo(1.0);
  }

  @Test
  void the_mean_is_over_queries() {
    assertThat(Recall.meanAtK(List.of(List.of("a"), List.of("x")),
        List.of(List.of("a"), List.of("b")), 1)).isEqualTo(0.5);
  }

  @Test
  void mismatched_inputs_are_refused() {
    assertThatThrownBy(() -> Recall.atK(List.of(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recall cutoff must be >= 1, but is: 0");
    assertThatThrownBy(() -> Recall.meanAtK(List.of(List.of()), List.of(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recall needs one exact list per found list and at least one query, but "
            + "has 1 found and 0 exact");
  }
}
