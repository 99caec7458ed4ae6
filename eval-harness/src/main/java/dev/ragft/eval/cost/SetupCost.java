package dev.ragft.eval.cost;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one setup costs to run, from the run's token counts and the price table.
 *
 * @param setupId the setup
 * @param queries the calls counted (every sample of every case)
 * @param meanPromptTokens prompt tokens per query
 * @param meanCompletionTokens completion tokens per query
 * @param usdPerThousandQueries inference cost of 1,000 queries
 * @param trainingUsd what fine-tuning the setup's model cost, when known
 * @param amortizedUsdPerThousandQueries inference plus training spread over the configured
 *     query volume, per 1,000 queries; equal to inference alone without a training cost
 */
public record SetupCost(String setupId, long queries, double meanPromptTokens,
    double meanCompletionTokens, double usdPerThousandQueries, OptionalDouble trainingUsd,
    double amortizedUsdPerThousandQueries) {

  /** Validates the components. */
  public SetupCost {
    Objects.requireNonNull(setupId, "setupId");
    Objects.requireNonNull(trainingUsd, "trainingUsd");
  }
}
