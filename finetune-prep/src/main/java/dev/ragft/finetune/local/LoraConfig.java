package dev.ragft.finetune.local;

import java.util.EnumSet;
import java.util.Set;

/**
 * The LoRA settings: each adapted projection {@code W} becomes {@code W + (alpha/rank)·B·A} with
 * {@code A} of {@code rank×in} (initialised uniformly in ±1/√in, as PEFT does) and {@code B} of
 * {@code out×rank} (initialised to zero, so training starts from the base model).
 *
 * @param rank the rank r, at least 1
 * @param alpha the scale numerator; the update is scaled by {@code alpha / rank}
 * @param dropout the dropout rate on the LoRA input during training, in [0, 1)
 * @param targets the adapted projections, at least one; copied
 */
public record LoraConfig(int rank, double alpha, double dropout, Set<LoraTarget> targets) {

  /** Validates the settings and copies the targets. */
  public LoraConfig {
    if (rank < 1) {
      throw new IllegalArgumentException("LoRA rank must be >= 1, but is: " + rank);
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("LoRA alpha must be > 0, but is: " + alpha);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("LoRA dropout must be in [0, 1), but is: " + dropout);
    }
    if (targets == null || targets.isEmpty()) {
      throw new IllegalArgumentException("LoRA targets must name at least one projection");
    }
    targets = Set.copyOf(EnumSet.copyOf(targets));
  }

  /** Rank 8, alpha 16, dropout 0.05 on the four attention projections. */
  public static LoraConfig defaults() {
    return new LoraConfig(8, 16, 0.05, EnumSet.of(LoraTarget.Q, LoraTarget.K, LoraTarget.V,
        LoraTarget.O));
  }

  /** The scale {@code alpha / rank} applied to {@code B·A}. */
  public double scale() {
    return alpha / rank;
  }

  /** The targets in declaration order (Q, K, V, O, GATE, UP, DOWN). */
  public EnumSet<LoraTarget> orderedTargets() {
    return EnumSet.copyOf(targets);
  }
}
