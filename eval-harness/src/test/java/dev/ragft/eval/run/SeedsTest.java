package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sample seeds are stable, non-negative and differ by case, sample and run seed. */
class SeedsTest {

  @Test
  void seeds_are_a_stable_function_of_run_seed_case_and_sample() {
    assertThat(Seeds.of(42, "k-1", 0)).isEqualTo(Seeds.of(42, "k-1", 0));
    Set<Integer> seeds = new HashSet<>();
    for (long run : new long[] {1, 2}) {
      for (String id : new String[] {"a", "b"}) {
        for (int i = 0; i < 3; i++) {
          int seed = Seeds.of(run, id, i);
          assertThat(seed).isNotNegative();
          seeds.add(seed);
        }
      }
    }
    assertThat(seeds).hasSize(12);
  }
}
