package dev.ragft.finetune.local.internal;

import dev.ragft.finetune.local.LoraTarget;

/** The input and output widths of each LoRA target in a model of a given shape. */
public final class LoraShapes {

  private LoraShapes() {
  }

  /** The input width of {@code target}'s projection. */
  public static int inputs(LoraTarget target, ModelSpec spec) {
    return target == LoraTarget.DOWN ? spec.ffn()
        : target == LoraTarget.O ? spec.heads() * spec.headDim() : spec.dim();
  }

  /** The output width of {@code target}'s projection. */
  public static int outputs(LoraTarget target, ModelSpec spec) {
    return switch (target) {
      case Q -> spec.heads() * spec.headDim();
      case K, V -> spec.kvDim();
      case O, DOWN -> spec.dim();
      case GATE, UP -> spec.ffn();
      case OUTPUT -> spec.vocab();
    };
  }
}
