package dev.ragft.finetune.token;

import java.util.Objects;

/**
 * A base model that can be fine-tuned, as the bundled table describes it.
 *
 * @param model the provider's model id
 * @param provider who trains it ({@code openai}, {@code together}...)
 * @param tokenizer the tokenizer spec ({@link TokenCounters})
 * @param maxTokensPerExample the longest example it trains on, or 0 when not documented
 * @param openAiChat whether OpenAI's chat token formula applies
 * @param source where the limit is documented
 */
public record BaseModel(String model, String provider, String tokenizer, int maxTokensPerExample,
    boolean openAiChat, String source) {

  /** Validates the components. */
  public BaseModel {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(source, "source");
    if (maxTokensPerExample < 0) {
      throw new IllegalArgumentException("maxTokensPerExample must be >= 0, but is: " + maxTokensPerExample);
    }
  }

  /** The chat token formula for this model. */
  public ChatTokenFormula formula() {
    return openAiChat ? ChatTokenFormula.OPENAI : ChatTokenFormula.CONTENT_ONLY;
  }
}
