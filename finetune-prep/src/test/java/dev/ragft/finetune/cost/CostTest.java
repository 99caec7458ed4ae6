package dev.ragft.finetune.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.finetune.token.TokenReport;
import dev.ragft.finetune.token.TokenStats;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} examples -> {1} epochs")
  @CsvSource({"1, 25", "3, 25", "10, 10", "20, 5", "33, 3", "34, 3", "100, 3", "8333, 3",
      "8334, 2", "10000, 2", "25000, 1", "30000, 1"})
  void automatic_epochs_follow_openais_heuristic(int examples, int epochs) {
    assertThat(EpochPolicy.automatic(examples)).isEqualTo(epochs);
  }

  @Test
  void cost_is_billable_tokens_times_epochs_times_price() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("a", 1000);
    counts.put("b", 70_000);
    TokenReport report = new TokenReport("o200k_base", counts, TokenStats.of(new int[] {1000, 70_000}),
        65_536, List.of());

    CostEstimate estimate = CostEstimator.estimate("gpt-4o-mini-2024-07-18", report,
        OptionalInt.empty(), PriceTable.bundled());

    // each example counts up to 65,536 tokens: 1,000 + 65,536; two examples train 25 epochs
    assertThat(estimate.billableTokensPerEpoch()).isEqualTo(66_536);
    assertThat(estimate.epochs()).isEqualTo(25);
    assertThat(estimate.automaticEpochs()).isTrue();
    assertThat(estimate.billedTokens()).isEqualTo(1_663_400);
    assertThat(estimate.usd().orElseThrow()).isEqualByComparingTo("4.9902");
    assertThat(estimate.usdRounded()).contains(new BigDecimal("4.99"));
    assertThat(estimate.price().asOf()).isEqualTo(LocalDate.of(2025, 6, 1));
  }

  @Test
  void a_user_price_file_replaces_bundled_entries_and_adds_new_ones() throws Exception {
    Path prices = dir.resolve("prices.yaml");
    Files.writeString(prices, """
        - model: gpt-4o-mini-2024-07-18
          provider: openai
          usd_per_million_training_tokens: 2.50
          as_of: 2026-01-15
          source: my invoice
        - model: my-llama
          provider: together
          usd_per_million_training_tokens: 0.48
          as_of: 2026-02-01
          source: https://www.together.ai/pricing
        """);

    PriceTable table = PriceTable.bundled().withOverrides(prices);

    assertThat(table.find("gpt-4o-mini-2024-07-18").orElseThrow().usdPerMillionTrainingTokens())
        .isEqualByComparingTo("2.50");
    assertThat(table.find("my-llama").orElseThrow().asOf()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(table.find("gpt-4o-2024-08-06").orElseThrow().usdPerMillionTrainingTokens())
        .isEqualByComparingTo("25.00");
  }

  @Test
  void a_bad_price_entry_names_the_file_and_field() throws Exception {
    Path prices = dir.resolve("bad.yaml");
    Files.writeString(prices, """
        - model: x
          provider: p
          usd_per_million_training_tokens: 1
          as_of: last tuesday
          source: s
        """);

    assertThatThrownBy(() -> PriceTable.bundled().withOverrides(prices))
        .isInstanceOf(InputException.class)
        .hasMessage("bad.yaml: field \"[0].as_of\" must be a date like 2025-06-01, but is: last tuesday");
  }

  @Test
  void chosen_epochs_override_the_heuristic_and_an_unknown_model_has_no_price() {
    TokenReport report = new TokenReport("o200k_base", Map.of("a", 10), TokenStats.of(new int[] {10}),
        0, List.of());

    CostEstimate estimate = CostEstimator.estimate("unknown-model", report, OptionalInt.of(4),
        PriceTable.bundled());

    assertThat(estimate.epochs()).isEqualTo(4);
    assertThat(estimate.automaticEpochs()).isFalse();
    assertThat(estimate.billedTokens()).isEqualTo(40);
    assertThat(estimate.usd()).isEmpty();
  }
}
