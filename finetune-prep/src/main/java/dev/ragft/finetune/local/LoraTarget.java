package dev.ragft.finetune.local;

/**
 * A projection of a transformer block that LoRA can adapt, with its tensor name in GGUF files and
 * its module name in Hugging Face/PEFT checkpoints.
 */
public enum LoraTarget {
  /** The query projection. */
  Q("attn_q", "self_attn.q_proj"),
  /** The key projection. */
  K("attn_k", "self_attn.k_proj"),
  /** The value projection. */
  V("attn_v", "self_attn.v_proj"),
  /** The attention output projection. */
  O("attn_output", "self_attn.o_proj"),
  /** The MLP gate projection. */
  GATE("ffn_gate", "mlp.gate_proj"),
  /** The MLP up projection. */
  UP("ffn_up", "mlp.up_proj"),
  /** The MLP down projection. */
  DOWN("ffn_down", "mlp.down_proj"),
  /**
   * The output head ({@code output.weight}, PEFT's {@code lm_head}), one for the whole model; only
   * for models with an output head of their own (not tied to the token embedding). It lets an
   * adapter reach tokens whose output rows the base model never learned to tell apart.
   */
  OUTPUT("output", "lm_head");

  private final String ggufName;
  private final String peftModule;

  LoraTarget(String ggufName, String peftModule) {
    this.ggufName = ggufName;
    this.peftModule = peftModule;
  }

  /** The target whose GGUF weight is {@code name} (in any block), or null for none. */
  public static LoraTarget ofGgufWeight(String name) {
    for (LoraTarget target : values()) {
      String suffix = "." + target.ggufName + ".weight";
      if (target.perBlock() ? name.startsWith("blk.") && name.endsWith(suffix)
          && name.substring(4, name.length() - suffix.length()).chars().allMatch(Character::isDigit)
          : name.equals(target.ggufName + ".weight")) {
        return target;
      }
    }
    return null;
  }

  /** Whether the target is one per block (all but {@link #OUTPUT}). */
  public boolean perBlock() {
    return this != OUTPUT;
  }

  /**
   * The GGUF weight name in block {@code layer}, e.g. {@code blk.3.attn_q.weight}; for {@link
   * #OUTPUT} {@code output.weight}, whatever the layer.
   */
  public String ggufWeight(int layer) {
    return perBlock() ? "blk." + layer + "." + ggufName + ".weight" : ggufName + ".weight";
  }

  /** The PEFT module path in block {@code layer}, e.g. {@code model.layers.3.self_attn.q_proj}. */
  public String peftModule(int layer) {
    return perBlock() ? "model.layers." + layer + "." + peftModule : peftModule;
  }

  /** The short module name PEFT's {@code target_modules} uses, e.g. {@code q_proj}. */
  public String peftName() {
    return peftModule.substring(peftModule.indexOf('.') + 1);
  }
}
