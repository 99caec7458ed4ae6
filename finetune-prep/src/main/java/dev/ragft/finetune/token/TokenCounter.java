package dev.ragft.finetune.token;

/**
 * Counts the tokens a tokenizer makes of a text, without special tokens. Implementations are
 * thread-safe unless they say otherwise; close one to free native memory.
 */
public interface TokenCounter extends AutoCloseable {

  /** The number of tokens in {@code text}; 0 for the empty text. */
  int count(String text);

  /** The tokenizer's name as a spec would give it ({@code o200k_base}, {@code hf:…}, {@code gguf:…}). */
  String name();

  /** Frees native resources; by default there are none. */
  @Override
  default void close() {
  }
}
