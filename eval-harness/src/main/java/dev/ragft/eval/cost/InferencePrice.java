package dev.ragft.eval.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one model charges per token on a given date.
 *
 * @param model the model name as the provider knows it
 * @param provider the provider id ({@code openai-compatible}, {@code ollama})
 * @param usdPerMillionPromptTokens US dollars per million prompt tokens
 * @param usdPerMillionCompletionTokens US dollars per million completion tokens
 * @param asOf the date the price was read
 * @param source where it was read
 */
public record InferencePrice(String model, String provider, BigDecimal usdPerMillionPromptTokens,
    BigDecimal usdPerMillionCompletionTokens, LocalDate asOf, String source) {

  /** Validates the components. */
  public InferencePrice {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(usdPerMillionPromptTokens, "usdPerMillionPromptTokens");
    Objects.requireNonNull(usdPerMillionCompletionTokens, "usdPerMillionCompletionTokens");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    if (usdPerMillionPromptTokens.signum() < 0 || usdPerMillionCompletionTokens.signum() < 0) {
      throw new IllegalArgumentException("prices must be >= 0, but are: "
          + usdPerMillionPromptTokens + " and " + usdPerMillionCompletionTokens);
    }
  }

  /** The price of one call, in US dollars. */
  public double usd(long promptTokens, long completionTokens) {
    return usdPerMillionPromptTokens.multiply(BigDecimal.valueOf(promptTokens))
        .add(usdPerMillionCompletionTokens.multiply(BigDecimal.valueOf(completionTokens)))
        .movePointLeft(6).doubleValue();
  }
}
