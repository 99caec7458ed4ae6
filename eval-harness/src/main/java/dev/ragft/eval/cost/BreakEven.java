package dev.ragft.eval.cost;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * When a fine-tuned setup's cheaper queries (shorter prompts, no retrieved context) have paid
 * for its training, compared with another setup.
 *
 * @param fineTunedSetup the setup whose model was fine-tuned
 * @param comparedSetup the setup it replaces
 * @param promptTokensSavedPerQuery mean prompt tokens saved per query (negative: it reads more)
 * @param usdSavedPerQuery inference cost saved per query (negative: it costs more)
 * @param trainingUsd what the fine-tuning cost
 * @param queries the queries after which the savings equal the training cost (training divided by
 *     the saving per query, rounded up); empty when a query saves nothing
 */
public record BreakEven(String fineTunedSetup, String comparedSetup,
    double promptTokensSavedPerQuery, double usdSavedPerQuery, double trainingUsd,
    OptionalLong queries) {

  /** Validates the components. */
  public BreakEven {
    Objects.requireNonNull(fineTunedSetup, "fineTunedSetup");
    Objects.requireNonNull(comparedSetup, "comparedSetup");
    Objects.requireNonNull(queries, "queries");
  }
}
