package dev.ragft.finetune.local.internal;

import dev.ragft.model.gguf.GgufFile;
import java.util.Set;

/**
 * The shape of a Llama-family model, read from its GGUF metadata.
 *
 * @param architecture {@code llama} or {@code qwen2}
 * @param dim the embedding width
 * @param layers the number of transformer blocks
 * @param heads the number of query heads
 * @param kvHeads the number of key/value heads (fewer than {@code heads} with grouped-query attention)
 * @param headDim the width of one head
 * @param ffn the hidden width of the SwiGLU MLP
 * @param vocab the vocabulary size
 * @param rmsEps the epsilon of RMSNorm
 * @param ropeBase the rotary frequency base
 * @param rope how rotary dimensions are paired
 * @param tiedOutput whether the output head reuses the token embedding
 * @param qkvBias whether the Q, K and V projections have biases
 */
public record ModelSpec(String architecture, int dim, int layers, int heads, int kvHeads,
    int headDim, int ffn, int vocab, float rmsEps, float ropeBase, RopeStyle rope,
    boolean tiedOutput, boolean qkvBias) {

  /** The architectures the trainer can build. */
  public static final Set<String> SUPPORTED = Set.of("llama", "qwen2");

  /** Validates the shape. */
  public ModelSpec {
    if (dim <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || ffn <= 0 || vocab <= 0) {
      throw new IllegalArgumentException("model sizes must be positive");
    }
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException(
          "heads (" + heads + ") must be a multiple of kvHeads (" + kvHeads + ")");
    }
  }

  /** Reads the shape of a model; an unsupported architecture or shape is an input error. */
  public static ModelSpec of(GgufFile gguf) {
    String arch = gguf.architecture();
    if (!SUPPORTED.contains(arch)) {
      throw gguf.problem("is a " + arch + " model, an architecture the local trainer cannot build"
          + " (it builds llama and qwen2)");
    }
    int dim = (int) gguf.integer(arch + ".embedding_length");
    int heads = (int) gguf.integer(arch + ".attention.head_count");
    int kvHeads = gguf.optInteger(arch + ".attention.head_count_kv").orElse((long) heads).intValue();
    int headDim = dim / heads;
    long rotary = gguf.optInteger(arch + ".rope.dimension_count").orElse((long) headDim);
    if (dim % heads != 0 || rotary != headDim
        || gguf.optInteger(arch + ".attention.key_length").orElse((long) headDim) != headDim) {
      throw gguf.problem("has heads of " + headDim + " dimensions with " + rotary
          + " rotary dimensions or a separate key length, which the local trainer cannot build");
    }
    if (gguf.optString(arch + ".rope.scaling.type").filter(t -> !t.equals("none")).isPresent()) {
      throw gguf.problem("uses rope scaling, which the local trainer cannot build");
    }
    int vocab = (int) gguf.requireTensor("token_embd.weight").dimensions()[1];
    return new ModelSpec(arch, dim, (int) gguf.integer(arch + ".block_count"), heads, kvHeads,
        headDim, (int) gguf.integer(arch + ".feed_forward_length"), vocab,
        gguf.optReal(arch + ".attention.layer_norm_rms_epsilon").orElse(1e-5).floatValue(),
        gguf.optReal(arch + ".rope.freq_base").orElse(10000.0).floatValue(),
        arch.equals("qwen2") ? RopeStyle.NEOX : RopeStyle.INTERLEAVED,
        gguf.tensor("output.weight").isEmpty(),
        gguf.tensor("blk.0.attn_q.bias").isPresent());
  }

  /** The width of the K and V projections. */
  public int kvDim() {
    return kvHeads * headDim;
  }
}
