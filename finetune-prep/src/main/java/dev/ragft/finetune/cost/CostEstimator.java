package dev.ragft.finetune.cost;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.token.TokenReport;
import java.util.OptionalInt;

/** Estimates training cost as billable tokens × epochs × the dated price per token. */
public final class CostEstimator {

  private CostEstimator() {
  }

  /**
   * The estimate for a training set.
   *
   * @param model the base model
   * @param train the token report of the training examples (its limit caps each example)
   * @param epochs the epochs asked for, or empty for {@link EpochPolicy#automatic}
   * @param prices the price table
   */
  public static CostEstimate estimate(String model, TokenReport train, OptionalInt epochs,
      PriceTable prices) {
    int examples = train.perExample().size();
    if (examples == 0) {
      throw new RagftException("there are no training examples to estimate.");
    }
    int chosen = epochs.isPresent() ? epochs.getAsInt() : EpochPolicy.automatic(examples);
    long perEpoch = train.billableTokens();
    return new CostEstimate(model, examples, perEpoch, chosen, epochs.isEmpty(),
        Math.multiplyExact(perEpoch, chosen), prices.find(model).orElse(null));
  }
}
