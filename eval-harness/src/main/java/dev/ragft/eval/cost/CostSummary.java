package dev.ragft.eval.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.eval.result.RunResultJson;
import java.util.List;

/**
 * The cost side of a run, kept next to its result ({@value #FILE} in the run folder) for reports:
 * what each setup costs per 1,000 queries, with fine-tuning amortized over a query volume, and the
 * break-even volume of each fine-tuned setup against each setup without training cost.
 *
 * @param queriesForAmortization the query volume training costs are spread over
 * @param setups one entry per setup, in setup order
 * @param breakEvens one entry per (fine-tuned setup with a known training cost, other setup)
 * @param notes what the numbers leave out (unpriced models, for example)
 */
public record CostSummary(long queriesForAmortization, List<SetupCost> setups,
    List<BreakEven> breakEvens, List<String> notes) {

  /** The file a run folder keeps its cost summary in. */
  public static final String FILE = "costs.json";

  /** Copies the lists. */
  public CostSummary {
    setups = List.copyOf(setups);
    breakEvens = List.copyOf(breakEvens);
    notes = List.copyOf(notes);
  }

  /**
   * The summary as JSON in the run result's form (sorted keys, two-space indentation, {@code \n}
   * line ends, a final newline; an absent value is {@code null}).
   */
  public String toJson() {
    try {
      return RunResultJson.prettyWriter().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cost summary could not be written as JSON", e);
    }
  }

  /** Reads a summary written by {@link #toJson()}. */
  public static CostSummary fromJson(String json) {
    try {
      return RunResultJson.mapper().readValue(json, CostSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a cost summary: " + e.getOriginalMessage(), e);
    }
  }
}
