package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.types.Shape;
import dev.ragft.common.Hashes;
import dev.ragft.finetune.local.TokenizedExample;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The micro-batches of a run, addressed by their number so that any position can be recomputed
 * after a resume. Epoch {@code e} visits the examples in a permutation drawn from a generator
 * seeded with the run's seed and {@code e}; micro-batch {@code g} of the run is the
 * {@code g mod perEpoch}-th slice of {@code batchSize} examples of epoch {@code g / perEpoch} (the
 * last slice of an epoch may be smaller). Sequences are right-padded with token 0, which the mask
 * excludes from the loss.
 */
public final class Batches {

  /**
   * One micro-batch as next-token inputs, targets and loss mask, each {@code [batch, time]}.
   *
   * @param inputs the input token ids (all but the last token of each sequence)
   * @param targets the next tokens
   * @param mask 1 where the target is a trained token, else 0
   * @param shape the batch shape
   * @param trainedTokens the number of 1s in the mask
   * @param tokens the number of real (unpadded) input tokens
   */
  public record Batch(long[] inputs, long[] targets, float[] mask, Shape shape,
      int trainedTokens, long tokens) {
  }

  private final List<TokenizedExample> examples;
  private final int batchSize;
  private final long seed;
  private final int perEpoch;
  private final Map<Long, int[]> orders = new HashMap<>();

  /** Creates the batches of a run over {@code examples}. */
  public Batches(List<TokenizedExample> examples, int batchSize, long seed) {
    this.examples = List.copyOf(examples);
    this.batchSize = batchSize;
    this.seed = seed;
    this.perEpoch = (examples.size() + batchSize - 1) / batchSize;
  }

  /** Micro-batch number {@code index} of the run (0-based). */
  public Batch batch(long index) {
    long epoch = index / perEpoch;
    int slice = (int) (index % perEpoch);
    int[] order = orders.get(epoch);
    if (order == null) {
      if (orders.size() >= 4) {
        orders.clear();
      }
      order = permutation(epoch);
      orders.put(epoch, order);
    }
    int from = slice * batchSize;
    int to = Math.min(order.length, from + batchSize);
    int time = 1;
    for (int i = from; i < to; i++) {
      time = Math.max(time, examples.get(order[i]).tokens().length - 1);
    }
    int rows = to - from;
    long[] inputs = new long[rows * time];
    long[] targets = new long[rows * time];
    float[] mask = new float[rows * time];
    int trained = 0;
    long tokens = 0;
    for (int row = 0; row < rows; row++) {
      TokenizedExample example = examples.get(order[from + row]);
      int[] ids = example.tokens();
      boolean[] flags = example.trained();
      for (int t = 0; t + 1 < ids.length; t++) {
        inputs[row * time + t] = ids[t];
        targets[row * time + t] = ids[t + 1];
        if (flags[t + 1]) {
          mask[row * time + t] = 1;
          trained++;
        }
      }
      tokens += Math.max(0, ids.length - 1);
    }
    return new Batch(inputs, targets, mask, new Shape(rows, time), trained, tokens);
  }

  private int[] permutation(long epoch) {
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** A digest of the examples' tokens and flags, to tell whether a checkpoint fits the data. */
  public static String digest(List<TokenizedExample> examples) {
    MessageDigest digest = Hashes.sha256();
    for (TokenizedExample example : examples) {
      int[] tokens = example.tokens();
      boolean[] flags = example.trained();
      ByteBuffer bytes = ByteBuffer.allocate(4 + tokens.length * 5);
      bytes.putInt(tokens.length);
      for (int i = 0; i < tokens.length; i++) {
        bytes.putInt(tokens[i]).put((byte) (flags[i] ? 1 : 0));
      }
      digest.update(bytes.array());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
