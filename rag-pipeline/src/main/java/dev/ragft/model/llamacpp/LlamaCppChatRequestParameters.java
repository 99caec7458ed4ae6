package dev.ragft.model.llamacpp;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.util.Objects;

/**
 * LangChain4j request parameters with the in-process model's extra settings: the sampler seed,
 * min-p and the repeat penalty. Any of them left null takes the model's default.
 */
public final class LlamaCppChatRequestParameters extends DefaultChatRequestParameters {

  private final Integer seed;
  private final Double minP;
  private final Double repeatPenalty;

  private LlamaCppChatRequestParameters(Builder builder) {
    super(builder);
    this.seed = builder.seed;
    this.minP = builder.minP;
    this.repeatPenalty = builder.repeatPenalty;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sampler seed, or null for the default. */
  public Integer seed() {
    return seed;
  }

  /** Min-p, or null for the default. */
  public Double minP() {
    return minP;
  }

  /** The repeat penalty, or null for the default. */
  public Double repeatPenalty() {
    return repeatPenalty;
  }

  /** These parameters with every non-null value of {@code that} taking precedence. */
  @Override
  public LlamaCppChatRequestParameters overrideWith(ChatRequestParameters that) {
    return builder().overrideWith(this).overrideWith(that).build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LlamaCppChatRequestParameters that && super.equals(that)
        && Objects.equals(seed, that.seed) && Objects.equals(minP, that.minP)
        && Objects.equals(repeatPenalty, that.repeatPenalty);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), seed, minP, repeatPenalty);
  }

  @Override
  public String toString() {
    return "LlamaCppChatRequestParameters{" + super.toString() + ", seed=" + seed + ", minP="
        + minP + ", repeatPenalty=" + repeatPenalty + "}";
  }

  /** Builds {@link LlamaCppChatRequestParameters}. */
  public static final class Builder extends DefaultChatRequestParameters.Builder<Builder> {
    private Integer seed;
    private Double minP;
    private Double repeatPenalty;

    /** Takes every non-null value of {@code parameters}, including the llama.cpp extras. */
    @Override
    public Builder overrideWith(ChatRequestParameters parameters) {
      super.overrideWith(parameters);
      if (parameters instanceof LlamaCppChatRequestParameters extra) {
        seed = extra.seed != null ? extra.seed : seed;
        minP = extra.minP != null ? extra.minP : minP;
        repeatPenalty = extra.repeatPenalty != null ? extra.repeatPenalty : repeatPenalty;
      }
      return this;
    }

    /** Sets the sampler seed. */
    public Builder seed(Integer value) {
      seed = value;
      return this;
    }

    /** Sets min-p. */
    public Builder minP(Double value) {
      minP = value;
      return this;
    }

    /** Sets the repeat penalty. */
    public Builder repeatPenalty(Double value) {
      repeatPenalty = value;
      return this;
    }

    /** The parameters. */
    @Override
    public LlamaCppChatRequestParameters build() {
      return new LlamaCppChatRequestParameters(this);
    }
  }
}
