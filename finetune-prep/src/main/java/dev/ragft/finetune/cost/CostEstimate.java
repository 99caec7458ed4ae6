package dev.ragft.finetune.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A training cost estimate.
 *
 * @param model the base model
 * @param examples the training examples
 * @param billableTokensPerEpoch the tokens billed for one pass (each example up to the limit)
 * @param epochs the epochs
 * @param automaticEpochs whether the epochs came from {@link EpochPolicy}
 * @param billedTokens tokens per epoch times epochs
 * @param price the price used, or null when the table has none for the model
 */
public record CostEstimate(String model, int examples, long billableTokensPerEpoch, int epochs,
    boolean automaticEpochs, long billedTokens, Price price) {

  /** Validates the components. */
  public CostEstimate {
    Objects.requireNonNull(model, "model");
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be > 0, but is: " + epochs);
    }
  }

  /** The exact cost in US dollars, when the price is known. */
  public Optional<BigDecimal> usd() {
    return Optional.ofNullable(price).map(p -> p.usdPerMillionTrainingTokens()
        .multiply(BigDecimal.valueOf(billedTokens)).movePointLeft(6));
  }

  /** The cost rounded to cents, as printed. */
  public Optional<BigDecimal> usdRounded() {
    return usd().map(v -> v.setScale(2, RoundingMode.HALF_UP));
  }
}
