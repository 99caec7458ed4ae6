package dev.ragft.finetune.local;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ragft.finetune.local.internal.LoraWeights;
import dev.ragft.finetune.local.internal.Transformer;
import java.util.Arrays;

/** Greedy decoding with the DJL forward pass, for comparisons with llama.cpp. */
final class Decoding {

  private Decoding() {
  }

  /** Up to {@code count} argmax tokens after {@code prompt}, stopping after EOS (token 2). */
  static int[] greedy(Transformer model, LoraWeights lora, long[] prompt, int count,
      NDManager manager) {
    long[] sequence = prompt.clone();
    int[] generated = new int[0];
    int vocab = model.spec().vocab();
    for (int s = 0; s < count; s++) {
      float[] logits;
      try (NDManager step = manager.newSubManager()) {
        logits = model.logits(step.create(sequence, new Shape(1, sequence.length)), lora, 0)
            .toFloatArray();
      }
      int best = 0;
      int base = logits.length - vocab;
      for (int v = 1; v < vocab; v++) {
        if (logits[base + v] > logits[base + best]) {
          best = v;
        }
      }
      if (best == 2) {
        break;
      }
      generated = Arrays.copyOf(generated, generated.length + 1);
      generated[generated.length - 1] = best;
      sequence = Arrays.copyOf(sequence, sequence.length + 1);
      sequence[sequence.length - 1] = best;
    }
    return generated;
  }
}
