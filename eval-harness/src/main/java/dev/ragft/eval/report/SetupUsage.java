package dev.ragft.eval.report;

import java.util.Objects;

/**
 * What a setup's model calls consumed, over every sample of every case.
 *
 * @param setupId the setup
 * @param calls the model calls (samples)
 * @param cachedCalls calls answered from the response cache
 * @param promptTokens prompt tokens in all
 * @param completionTokens completion tokens in all
 * @param costUsd the price of all calls by the run's price table
 * @param promptTokensPerQuery mean prompt tokens per call
 * @param completionTokensPerQuery mean completion tokens per call
 * @param costPer1kQueries {@code costUsd / calls * 1000}
 */
public record SetupUsage(String setupId, int calls, int cachedCalls, long promptTokens,
    long completionTokens, double costUsd, double promptTokensPerQuery,
    double completionTokensPerQuery, double costPer1kQueries) {

  /** Validates the components. */
  public SetupUsage {
    Objects.requireNonNull(setupId, "setupId");
  }
}
