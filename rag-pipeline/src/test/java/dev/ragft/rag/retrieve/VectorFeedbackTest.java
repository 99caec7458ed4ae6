package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorFeedbackTest {

  @Test
  void one_seed_is_mixed_in_by_its_share_and_the_result_has_unit_length() {
    // 0.8 * (1, 0) + 0.2 * (0, 1) = (0.8, 0.2), length sqrt(0.68).
    float[] expanded = new VectorFeedback(1, 0.8).expand(new float[] {1, 0},
        List.of(new float[] {0, 1}));
    assertThat(expanded[0]).isCloseTo((float) (0.8 / Math.sqrt(0.68)), within(1e-7f));
    assertThat(expanded[1]).isCloseTo((float) (0.2 / Math.sqrt(0.68)), within(1e-7f));
  }

  @Test
  void several_seeds_are_averaged_before_mixing() {
    // 0.5 * (1, 0, 0) + 0.5 * mean((0, 1, 0), (0, 0, 1)) = (0.5, 0.25, 0.25).
    float[] expanded = new VectorFeedback(2, 0.5).expand(new float[] {1, 0, 0},
        List.of(new float[] {0, 1, 0}, new float[] {0, 0, 1}));
    double norm = Math.sqrt(0.25 + 0.0625 + 0.0625);
    assertThat(expanded).containsExactly(new float[] {(float) (0.5 / norm),
        (float) (0.25 / norm), (float) (0.25 / norm)}, within(1e-7f));
  }

  @Test
  void weight_zero_is_the_seed_centroid_and_weight_one_the_query() {
    float[] query = {0.6f, 0.8f};
    List<float[]> seeds = List.of(new float[] {1, 0}, new float[] {1, 0});
    assertThat(new VectorFeedback(2, 0).expand(query, seeds)).containsExactly(1f, 0f);
    assertThat(new VectorFeedback(2, 1).expand(query, seeds))
        .containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
  }

  @Test
  void without_seeds_or_with_a_zero_mix_the_query_comes_back_as_a_copy() {
    float[] query = {1, 0};
    float[] none = new VectorFeedback(1, 0.8).expand(query, List.of());
    assertThat(none).containsExactly(1f, 0f).isNotSameAs(query);
    // 0.5 * (1, 0) + 0.5 * (-1, 0) = 0.
    assertThat(new VectorFeedback(1, 0.5).expand(query, List.of(new float[] {-1, 0})))
        .containsExactly(1f, 0f);
  }

  @Test
  void a_seed_of_another_dimension_is_refused() {
    assertThatThrownBy(() -> new VectorFeedback(1, 0.8).expand(new float[] {1, 0},
        List.of(new float[] {1, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a feedback vector has 3 dimensions, but the query has 2");
  }

  @Test
  void off_has_no_chunks_and_describes_itself() {
    assertThat(VectorFeedback.OFF.enabled()).isFalse();
    assertThat(new VectorFeedback(1, 0.8).enabled()).isTrue();
    assertThat(new VectorFeedback(1, 0.8).describe()).isEqualTo("feedback 1 chunk at 0.8");
    assertThat(new VectorFeedback(3, 0.5).describe()).isEqualTo("feedback 3 chunks at 0.5");
  }

  @Test
  void of_applies_the_default_weight_and_refuses_a_weight_without_chunks() {
    assertThat(VectorFeedback.of(0, null)).isSameAs(VectorFeedback.OFF);
    assertThat(VectorFeedback.of(2, null)).isEqualTo(new VectorFeedback(2, 0.8));
    assertThat(VectorFeedback.of(1, 0.6)).isEqualTo(new VectorFeedback(1, 0.6));
    assertThatThrownBy(() -> VectorFeedback.of(0, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a feedback weight (0.6) needs feedback chunks (1 or more), but there are 0");
  }

  @Test
  void negative_chunk_counts_are_refused() {
    assertThatThrownBy(() -> new VectorFeedback(-1, 0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feedback chunks must be >= 0, but is: -1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void query_weights_outside_zero_to_one_are_refused(double weight) {
    assertThatThrownBy(() -> new VectorFeedback(1, weight))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the query's weight in feedback must be in [0, 1], but is: " + weight);
  }
}
