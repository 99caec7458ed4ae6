package dev.ragft.finetune.local.internal;

/**
 * How rotary embeddings pair the dimensions of a head. llama.cpp's GGUF conversion permutes the Q
 * and K weights of Llama models so that rotated pairs are adjacent ({@link #INTERLEAVED}, llama.cpp's
 * "normal" rope); Qwen2 keeps Hugging Face's layout, where dimension {@code i} pairs with
 * {@code i + d/2} ({@link #NEOX}).
 */
public enum RopeStyle {
  /** Pairs (2i, 2i+1): Llama in GGUF. */
  INTERLEAVED,
  /** Pairs (i, i + d/2): Qwen2, GPT-NeoX. */
  NEOX
}
