package dev.ragft.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class McNemarTest {

  /**
   * Fagerland, Lydersen and Laake (2013), BMC Medical Research Methodology 13:91, Table 1:
   * airway hyper-responsiveness before and after treatment, discordant pairs 1 and 7; the exact
   * conditional McNemar p-value they report is 0.070 (= 2 * 9 / 256).
   */
  @Test
  void exact_p_value_matches_the_textbook_table() {
    assertThat(McNemar.exactPValue(1, 7)).isCloseTo(0.0703125, within(1e-12));
    assertThat(McNemar.exactPValue(7, 1)).isCloseTo(0.0703125, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0,0,1.0", "3,3,1.0", "0,6,0.03125", "0,5,0.0625", "2,10,0.0385742187500"})
  void exact_p_values_of_small_tables(int b, int c, double expected) {
    assertThat(McNemar.exactPValue(b, c)).isCloseTo(expected, within(1e-12));
  }

  /** The reference: enumerate every sign assignment of the discordant pairs. */
  @Test
  void agrees_with_enumerating_every_sign_assignment() {
    for (int n = 1; n <= 14; n++) {
      for (int b = 0; b <= n; b++) {
        int observed = Math.abs(2 * b - n);
        int extreme = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
          int ones = Integer.bitCount(mask);
          if (Math.abs(2 * ones - n) >= observed) {
            extreme++;
          }
        }
        double reference = (double) extreme / (1 << n);
        assertThat(McNemar.exactPValue(b, n - b)).as("b=%d c=%d", b, n - b)
            .isCloseTo(reference, within(1e-12));
      }
    }
  }

  @Test
  void six_one_sided_discordant_cases_are_the_least_that_can_be_significant() {
    assertThat(McNemar.minimumDiscordant(0.05)).isEqualTo(6);
    assertThat(McNemar.minimumDiscordant(0.01)).isEqualTo(8);
  }

  @Test
  void negative_counts_are_rejected() {
    assertThatThrownBy(() -> McNemar.exactPValue(-1, 2))
        .hasMessage("discordant counts must be >= 0, but are: -1, 2");
  }
}
