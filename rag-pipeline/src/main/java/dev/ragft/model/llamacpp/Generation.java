package dev.ragft.model.llamacpp;

import dev.langchain4j.model.output.FinishReason;
import java.util.Objects;

/**
 * The result of one generation.
 *
 * @param text the generated text, without a matched stop sequence
 * @param promptTokens the tokens the prompt was fed to the model as (with the BOS token when the
 *     model adds one)
 * @param completionTokens the tokens the model generated; a token that ends inside a multi-byte
 *     UTF-8 character is counted with the token that completes the character, so text outside
 *     ASCII may be counted a little low
 * @param finishReason {@link FinishReason#LENGTH} when the token limit or the context ended the
 *     text, otherwise {@link FinishReason#STOP} (an end-of-generation token or a stop sequence)
 */
public record Generation(String text, int promptTokens, int completionTokens,
    FinishReason finishReason) {

  /** Validates the components. */
  public Generation {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, but are: " + promptTokens
          + " and " + completionTokens);
    }
  }
}
