package dev.ragft.finetune.local;

import java.util.OptionalInt;

/**
 * The tokenizer training uses; it must be the one inference uses, so that the model is trained on
 * the very tokens it will see. Implementations are not required to be thread-safe.
 */
public interface TrainingTokenizer {

  /** The tokens of {@code text}, special tokens written as text being parsed, without BOS. */
  int[] encode(String text);

  /** The beginning-of-sequence token that inference puts before every prompt, if any. */
  OptionalInt bos();
}
