package dev.ragft.eval.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the cost summary needs beyond the run's token counts.
 *
 * @param prices a price file (the bundled table's form) whose entries add to or replace the
 *     bundled inference prices; or null
 * @param trainingUsd what training each fine-tuned model cost, by model name
 * @param queries the query volume the training cost is spread over; default 100,000
 */
public record CostSettings(String prices, Map<String, Double> trainingUsd, Long queries) {

  /** Applies the defaults and validates. */
  public CostSettings {
    trainingUsd = trainingUsd == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(trainingUsd));
    trainingUsd.forEach((model, usd) -> {
      if (usd == null || !(usd >= 0 && Double.isFinite(usd))) {
        throw new IllegalArgumentException("trainingUsd." + model + " must be >= 0, but is: "
            + usd);
      }
    });
    queries = queries == null ? 100_000L : queries;
    if (queries < 1) {
      throw new IllegalArgumentException("queries must be >= 1, but is: " + queries);
    }
  }

  /** The defaults. */
  public static CostSettings defaults() {
    return new CostSettings(null, null, null);
  }
}
