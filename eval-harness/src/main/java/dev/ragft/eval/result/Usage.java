package dev.ragft.eval.result;

/**
 * What one model call cost.
 *
 * @param promptTokens tokens read
 * @param completionTokens tokens written
 * @param latencyMillis wall time of the call (0 when replayed from the cache)
 * @param costUsd the price of the tokens by the price table (0 for local models)
 * @param cached whether the reply came from the response cache
 */
public record Usage(int promptTokens, int completionTokens, long latencyMillis, double costUsd,
    boolean cached) {

  /** Validates the components. */
  public Usage {
    if (promptTokens < 0 || completionTokens < 0 || latencyMillis < 0 || costUsd < 0) {
      throw new IllegalArgumentException("usage values must be >= 0, but are: " + promptTokens
          + ", " + completionTokens + ", " + latencyMillis + ", " + costUsd);
    }
  }
}
