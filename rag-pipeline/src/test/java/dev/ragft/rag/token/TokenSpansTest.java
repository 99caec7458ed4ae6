package dev.ragft.rag.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenSpansTest {

  private final TokenSpans spans = new TokenSpans(new int[] {0, 4, 4, 10}, new int[] {3, 6, 8, 12});

  @Test
  void binary_searches_find_the_first_token_at_or_after_an_offset() {
    assertThat(spans.firstAtOrAfter(0)).isZero();
    assertThat(spans.firstAtOrAfter(1)).isEqualTo(1);
    assertThat(spans.firstAtOrAfter(4)).isEqualTo(1);
    assertThat(spans.firstAtOrAfter(11)).isEqualTo(4);
    assertThat(spans.firstEndingAfter(6)).isEqualTo(2);
    assertThat(spans.firstEndingAfter(12)).isEqualTo(4);
  }

  @Test
  void count_within_takes_only_tokens_wholly_inside_the_range() {
    assertThat(spans.countWithin(0, 12)).isEqualTo(4);
    assertThat(spans.countWithin(0, 7)).isEqualTo(2);
    assertThat(spans.countWithin(1, 7)).isEqualTo(1);
    assertThat(spans.countWithin(8, 9)).isZero();
    assertThat(spans.countWithin(9, 3)).isZero();
  }

  @Test
  void the_arrays_are_copied_and_validated() {
    int[] starts = {0};
    int[] ends = {2};
    TokenSpans copy = new TokenSpans(starts, ends);
    starts[0] = 1;
    assertThat(copy.start(0)).isZero();
    assertThatThrownBy(() -> new TokenSpans(new int[] {0}, new int[] {}))
        .hasMessage("starts and ends must have the same length, but have: 1 and 0");
    assertThatThrownBy(() -> new TokenSpans(new int[] {2}, new int[] {2}))
        .hasMessage("token 0 must have 0 <= start < end, but is: [2, 2)");
    assertThatThrownBy(() -> new TokenSpans(new int[] {3, 1}, new int[] {4, 2}))
        .hasMessage("token 1 [1, 2) is out of order after [3, 4)");
  }
}
