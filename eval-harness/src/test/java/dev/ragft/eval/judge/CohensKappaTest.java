package dev.ragft.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa on textbook tables. */
class CohensKappaTest {

  @Test
  void the_textbook_two_by_two_table_gives_0_4() {
    // 50 items: both yes 20, first yes second no 5, first no second yes 10, both no 15:
    // po = 0.7, pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.2 / 0.5 = 0.4.
    assertThat(CohensKappa.ofTable(20, 5, 10, 15)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void label_lists_give_the_same_kappa_as_their_table() {
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    add(first, second, true, true, 20);
    add(first, second, true, false, 5);
    add(first, second, false, true, 10);
    add(first, second, false, false, 15);

    assertThat(CohensKappa.of(first, second)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void three_categories_follow_the_same_formula() {
    // Counted by hand: 7 of 10 alike, so po = 0.7; each rater gives a 4 times, b 3 and c 3, so
    // pe = 0.4 * 0.4 + 0.3 * 0.3 + 0.3 * 0.3 = 0.34.
    List<String> first = List.of("a", "a", "a", "a", "b", "b", "b", "c", "c", "c");
    List<String> second = List.of("a", "a", "a", "b", "b", "b", "c", "c", "c", "a");

    assertThat(CohensKappa.of(first, second)).isCloseTo((0.7 - 0.34) / (1 - 0.34),
        within(1e-12));
  }

  @Test
  void perfect_and_chance_agreement() {
    assertThat(CohensKappa.ofTable(10, 0, 0, 10)).isEqualTo(1.0);
    assertThat(CohensKappa.ofTable(5, 5, 5, 5)).isEqualTo(0.0);
    assertThat(CohensKappa.of(List.of(true, true), List.of(true, true))).isEqualTo(1.0);
  }

  @Test
  void unequal_lists_are_rejected() {
    assertThatThrownBy(() -> CohensKappa.of(List.of(true), List.of()))
        .hasMessage("kappa needs the same number of labels (at least one) from both raters,"
            + " but has 1 and 0");
  }

  private static void add(List<Boolean> first, List<Boolean> second, boolean a, boolean b,
      int times) {
    first.addAll(Collections.nCopies(times, a));
    second.addAll(Collections.nCopies(times, b));
  }
}
