package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {

  @Test
  void probabilities_follow_the_power_law_and_sum_to_one() {
    ZipfSampler zipf = new ZipfSampler(1000, 1.0);
    double sum = 0;
    for (int rank = 0; rank < zipf.size(); rank++) {
      sum += zipf.probability(rank);
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
    assertThat(zipf.probability(0) / zipf.probability(1)).isCloseTo(2.0, within(1e-9));
    assertThat(zipf.probability(9) / zipf.probability(99)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void sampled_frequencies_match_the_probabilities() {
    long seed = 7;
    System.out.println("ZipfSamplerTest seed " + seed);
    ZipfSampler zipf = new ZipfSampler(50_000, 1.0);
    SplittableRandom random = new SplittableRandom(seed);
    int draws = 200_000;
    int[] counts = new int[3];
    for (int i = 0; i < draws; i++) {
      int rank = zipf.sample(random);
      assertThat(rank).isBetween(0, 49_999);
      if (rank < counts.length) {
        counts[rank]++;
      }
    }
    for (int rank = 0; rank < counts.length; rank++) {
      assertThat((double) counts[rank] / draws)
          .isCloseTo(zipf.probability(rank), within(0.005));
    }
  }

  @Test
  void the_same_generator_seed_gives_the_same_ranks() {
    ZipfSampler zipf = new ZipfSampler(100, 1.2);
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(zipf.sample(a)).isEqualTo(zipf.sample(b));
    }
  }

  @Test
  void bad_settings_are_refused_with_the_value() {
    assertThatThrownBy(() -> new ZipfSampler(0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Zipf size must be >= 1, but is: 0");
    assertThatThrownBy(() -> new ZipfSampler(10, -1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Zipf exponent must be > 0, but is: -1.0");
  }
}
