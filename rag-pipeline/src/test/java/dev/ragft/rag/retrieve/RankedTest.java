package dev.ragft.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankedTest {

  @Test
  void sort_ties_orders_each_run_of_equal_scores_by_id() {
    List<Ranked> ranked = new ArrayList<>(List.of(new Ranked(0, "d", 0.9), new Ranked(1, "c", 0.9),
        new Ranked(2, "z", 0.5), new Ranked(3, "b", 0.2), new Ranked(4, "a", 0.2),
        new Ranked(5, "e", 0.2)));
    Ranked.sortTies(ranked);
    assertThat(ranked).extracting(Ranked::id).containsExactly("c", "d", "z", "a", "b", "e");
  }

  @Test
  void sort_ties_sorts_in_full_a_list_not_in_descending_score_order() {
    List<Ranked> ranked = new ArrayList<>(List.of(new Ranked(0, "b", 0.1), new Ranked(1, "a", 0.1),
        new Ranked(2, "c", 0.7)));
    Ranked.sortTies(ranked);
    assertThat(ranked).extracting(Ranked::id).containsExactly("c", "a", "b");
  }

  @Test
  void sort_ties_equals_a_full_sort_on_random_descending_lists() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      List<Ranked> ranked = new ArrayList<>();
      double score = 1;
      for (int i = 0; i < random.nextInt(60); i++) {
        score -= random.nextInt(3) == 0 ? 0 : random.nextInt(4) / 8.0;
        ranked.add(new Ranked(i, "c" + random.nextInt(1000) + "-" + i, score));
      }
      List<Ranked> expected = new ArrayList<>(ranked);
      expected.sort(Ranked.ORDER);
      Ranked.sortTies(ranked);
      assertThat(ranked).as("round %d", round).isEqualTo(expected);
    }
  }
}
