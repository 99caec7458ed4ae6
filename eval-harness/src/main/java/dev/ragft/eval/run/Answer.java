package dev.ragft.eval.run;

import java.util.Objects;

/**
 * A model's answer to one request, as the runner records it.
 *
 * @param text the answer
 * @param promptTokens the tokens read (0 when the provider did not say)
 * @param completionTokens the tokens written (0 when the provider did not say)
 * @param latencyMillis the wall time of the call, 0 when the cache answered
 * @param cached whether the response cache answered
 */
public record Answer(String text, int promptTokens, int completionTokens, long latencyMillis,
    boolean cached) {

  /** Validates the components. */
  public Answer {
    Objects.requireNonNull(text, "text");
  }
}
