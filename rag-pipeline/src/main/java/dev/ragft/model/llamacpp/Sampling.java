package dev.ragft.model.llamacpp;

import java.util.List;
import java.util.Objects;

/**
 * Every setting that decides which tokens an in-process model picks. All values are explicit, so
 * the same settings always give the same text from the same model: a temperature of 0 is greedy,
 * and any other temperature samples from a generator seeded with {@code seed}.
 *
 * @param temperature 0 for greedy decoding, higher for more varied text
 * @param topP nucleus sampling: keep the most likely tokens up to this total probability (0, 1]
 * @param topK keep only the k most likely tokens; 0 keeps all
 * @param minP drop tokens less likely than this fraction of the most likely one [0, 1]
 * @param repeatPenalty divide the odds of recently seen tokens by this; 1 is off
 * @param frequencyPenalty lower the odds of tokens by how often they appeared; 0 is off
 * @param presencePenalty lower the odds of tokens that appeared at all; 0 is off
 * @param maxTokens the most tokens to generate (&gt; 0)
 * @param seed the seed of the sampler's random generator (&gt;= 0)
 * @param stop sequences that end the text when generated (they are not part of it)
 * @param jsonSchema a JSON schema the text must be an instance of (enforced by a llama.cpp
 *     grammar), or null for free text
 */
public record Sampling(double temperature, double topP, int topK, double minP,
    double repeatPenalty, double frequencyPenalty, double presencePenalty, int maxTokens,
    int seed, List<String> stop, String jsonSchema) {

  /** The defaults: greedy, 256 tokens, seed 42, llama.cpp's usual filters. */
  public static final Sampling DEFAULTS =
      new Sampling(0.0, 0.95, 40, 0.05, 1.0, 0.0, 0.0, 256, 42, List.of(), null);

  /** Validates the components. */
  public Sampling {
    check(temperature >= 0 && Double.isFinite(temperature), "temperature", ">= 0", temperature);
    check(topP > 0 && topP <= 1, "top_p", "in (0, 1]", topP);
    check(topK >= 0, "top_k", ">= 0", topK);
    check(minP >= 0 && minP <= 1, "min_p", "in [0, 1]", minP);
    check(repeatPenalty > 0 && Double.isFinite(repeatPenalty), "repeat penalty", "> 0",
        repeatPenalty);
    check(Double.isFinite(frequencyPenalty), "frequency penalty", "finite", frequencyPenalty);
    check(Double.isFinite(presencePenalty), "presence penalty", "finite", presencePenalty);
    check(maxTokens > 0, "max tokens", "> 0", maxTokens);
    check(seed >= 0, "seed", ">= 0", seed);
    stop = List.copyOf(stop);
    for (String sequence : stop) {
      if (sequence.isEmpty()) {
        throw new IllegalArgumentException("stop sequences must not be empty");
      }
    }
  }

  private static void check(boolean ok, String name, String rule, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be " + rule + ", but is: " + value);
    }
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of an existing {@link Sampling}. */
  public static final class Builder {
    private double temperature;
    private double topP;
    private int topK;
    private double minP;
    private double repeatPenalty;
    private double frequencyPenalty;
    private double presencePenalty;
    private int maxTokens;
    private int seed;
    private List<String> stop;
    private String jsonSchema;

    private Builder(Sampling from) {
      temperature = from.temperature;
      topP = from.topP;
      topK = from.topK;
      minP = from.minP;
      repeatPenalty = from.repeatPenalty;
      frequencyPenalty = from.frequencyPenalty;
      presencePenalty = from.presencePenalty;
      maxTokens = from.maxTokens;
      seed = from.seed;
      stop = from.stop;
      jsonSchema = from.jsonSchema;
    }

    /** Sets the temperature. */
    public Builder temperature(double value) {
      temperature = value;
      return this;
    }

    /** Sets top-p. */
    public Builder topP(double value) {
      topP = value;
      return this;
    }

    /** Sets top-k. */
    public Builder topK(int value) {
      topK = value;
      return this;
    }

    /** Sets min-p. */
    public Builder minP(double value) {
      minP = value;
      return this;
    }

    /** Sets the repeat penalty. */
    public Builder repeatPenalty(double value) {
      repeatPenalty = value;
      return this;
    }

    /** Sets the frequency penalty. */
    public Builder frequencyPenalty(double value) {
      frequencyPenalty = value;
      return this;
    }

    /** Sets the presence penalty. */
    public Builder presencePenalty(double value) {
      presencePenalty = value;
      return this;
    }

    /** Sets the token limit. */
    public Builder maxTokens(int value) {
      maxTokens = value;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(int value) {
      seed = value;
      return this;
    }

    /** Sets the stop sequences. */
    public Builder stop(List<String> value) {
      stop = Objects.requireNonNull(value, "stop");
      return this;
    }

    /** Sets the JSON schema the text must follow, or null for free text. */
    public Builder jsonSchema(String value) {
      jsonSchema = value;
      return this;
    }

    /** The validated settings. */
    public Sampling build() {
      return new Sampling(temperature, topP, topK, minP, repeatPenalty, frequencyPenalty,
          presencePenalty, maxTokens, seed, stop, jsonSchema);
    }
  }
}
