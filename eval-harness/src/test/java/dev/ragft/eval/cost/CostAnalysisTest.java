package dev.ragft.eval.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.common.InputException;
import dev.ragft.eval.result.CaseInfo;
import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.RunInfo;
import dev.ragft.eval.result.RunResult;
import dev.ragft.eval.result.Sample;
import dev.ragft.eval.result.SetupInfo;
import dev.ragft.eval.result.Usage;
import dev.ragft.eval.result.Verdict;
import dev.ragft.model.provider.Provider;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prices per call, cost per 1,000 queries, amortized training and the break-even volume. */
class CostAnalysisTest {

  @TempDir
  Path dir;

  private static CaseResult result(String caseId, String setup, int prompt, int completion,
      double usd) {
    return new CaseResult(caseId, setup, List.of(), Optional.empty(), List.of(new Sample(0, "a",
        new Verdict.Pass(), List.of(), new Usage(prompt, completion, 0, usd, false))));
  }

  @Test
  void the_bundled_table_prices_remote_calls_and_local_models_are_free() {
    InferencePrices prices = InferencePrices.bundled();

    assertThat(prices.find("gpt-4o-mini-2024-07-18").orElseThrow().usdPerMillionPromptTokens())
        .isEqualByComparingTo(new BigDecimal("0.15"));
    assertThat(prices.usd(Provider.OPENAI_COMPATIBLE, "gpt-4o-mini-2024-07-18", 1_000_000,
        1_000_000)).contains(0.75);
    assertThat(prices.usd(Provider.LLAMACPP, "anything", 1000, 1000)).contains(0.0);
    assertThat(prices.usd(Provider.OLLAMA, "llama3", 1000, 1000)).isEmpty();
  }

  @Test
  void a_user_file_adds_and_replaces_entries_and_bad_ones_are_named() throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, """
        - model: ft:gpt-4o-mini-2024-07-18:acme::abc
          provider: openai-compatible
          usd_per_million_prompt_tokens: 0.30
          usd_per_million_completion_tokens: 1.20
          as_of: 2025-06-01
          source: https://openai.com/api/pricing
        """);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "- {model: m, provider: p, usd_per_million_prompt_tokens: cheap,"
        + " usd_per_million_completion_tokens: 1, as_of: 2025-06-01, source: s}\n");

    assertThat(InferencePrices.bundled().withOverrides(file)
        .usd(Provider.OPENAI_COMPATIBLE, "ft:gpt-4o-mini-2024-07-18:acme::abc", 2000, 1000))
        .hasValueSatisfying(usd -> assertThat(usd).isCloseTo(0.0018, within(1e-12)));
    assertThatThrownBy(() -> InferencePrices.bundled().withOverrides(bad))
        .isInstanceOf(InputException.class)
        .hasMessage(bad + ": field \"[0].usd_per_million_prompt_tokens\" must be a number, but"
            + " is: cheap");
  }

  @Test
  void break_even_is_training_divided_by_the_saving_per_query() {
    RunResult run = new RunResult(new RunInfo("r", "d", "v1", 1, 1, 0, Map.of()),
        List.of(new SetupInfo("rag", "m", "", "rag", "support", false),
            new SetupInfo("finetuned", "m", "job ft-1", "none", "support", false)),
        List.of(new CaseInfo("a", "knowledge", "q", "", List.of()),
            new CaseInfo("b", "knowledge", "q", "", List.of())),
        List.of(result("a", "rag", 1200, 50, 0.0003), result("b", "rag", 1000, 30, 0.0001),
            result("a", "finetuned", 200, 40, 0.00005), result("b", "finetuned", 100, 20,
                0.00005)));

    CostSummary summary = CostAnalysis.of(run, Map.of("finetuned", 12.0), 100_000, List.of());

    SetupCost rag = summary.setups().get(0);
    SetupCost tuned = summary.setups().get(1);
    assertThat(rag.meanPromptTokens()).isEqualTo(1100.0);
    assertThat(rag.usdPerThousandQueries()).isCloseTo(0.2, within(1e-12));
    assertThat(tuned.usdPerThousandQueries()).isCloseTo(0.05, within(1e-12));
    assertThat(tuned.trainingUsd()).isEqualTo(OptionalDouble.of(12.0));
    assertThat(tuned.amortizedUsdPerThousandQueries()).isCloseTo(0.05 + 0.12, within(1e-12));
    // 0.00015 saved per query repays 12 dollars after 80,000 queries.
    assertThat(summary.breakEvens()).singleElement().satisfies(breakEven -> {
      assertThat(breakEven.fineTunedSetup()).isEqualTo("finetuned");
      assertThat(breakEven.comparedSetup()).isEqualTo("rag");
      assertThat(breakEven.promptTokensSavedPerQuery()).isEqualTo(950.0);
      assertThat(breakEven.queries()).isEqualTo(OptionalLong.of(80_000));
    });
    assertThat(CostSummary.fromJson(summary.toJson())).isEqualTo(summary);
  }

  @Test
  void no_saving_means_no_break_even() {
    RunResult run = new RunResult(new RunInfo("r", "d", "v1", 1, 1, 0, Map.of()),
        List.of(new SetupInfo("baseline", "m", "", "none", "support", false),
            new SetupInfo("finetuned", "m", "a.gguf=1.0", "none", "support", false)),
        List.of(new CaseInfo("a", "knowledge", "q", "", List.of())),
        List.of(result("a", "baseline", 100, 10, 0), result("a", "finetuned", 100, 10, 0)));

    CostSummary summary = CostAnalysis.of(run, Map.of("finetuned", 0.0), 1000, List.of("n"));

    assertThat(summary.breakEvens()).singleElement()
        .satisfies(b -> assertThat(b.queries()).isEmpty());
    assertThat(summary.notes()).containsExactly("n");
  }
}
