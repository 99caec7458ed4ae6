package dev.ragft.finetune.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The training price of one base model on a given date.
 *
 * @param model the provider's model id
 * @param provider who charges it
 * @param usdPerMillionTrainingTokens US dollars per million billed training tokens
 * @param asOf the date the price was read
 * @param source where it was read
 */
public record Price(String model, String provider, BigDecimal usdPerMillionTrainingTokens,
    LocalDate asOf, String source) {

  /** Validates the components. */
  public Price {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(usdPerMillionTrainingTokens, "usdPerMillionTrainingTokens");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    if (usdPerMillionTrainingTokens.signum() < 0) {
      throw new IllegalArgumentException("price must be >= 0, but is: " + usdPerMillionTrainingTokens);
    }
  }
}
