package dev.ragft.eval.config;

import java.util.Objects;

/**
 * The optional LLM judge.
 *
 * @param model the name of a configured model
 * @param calibration a JSON Lines file of replies people labelled; without one the judge is
 *     informational
 * @param minKappa the kappa on correctness the judge needs for its checks to gate; default 0.6
 * @param maxTokens tokens per judge answer; default 256
 */
public record JudgeSpec(String model, String calibration, Double minKappa, Integer maxTokens) {

  /** Applies the defaults and validates. */
  public JudgeSpec {
    Objects.requireNonNull(model, "model");
    minKappa = minKappa == null ? 0.6 : minKappa;
    maxTokens = maxTokens == null ? 256 : maxTokens;
    if (!(minKappa >= -1 && minKappa <= 1)) {
      throw new IllegalArgumentException("minKappa must be in [-1, 1], but is: " + minKappa);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, but is: " + maxTokens);
    }
  }
}
