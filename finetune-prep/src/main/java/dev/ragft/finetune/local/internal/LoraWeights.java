package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ragft.finetune.local.LoraConfig;
import dev.ragft.finetune.local.LoraTarget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable LoRA matrices of one model, kept transposed for the forward pass: {@code aT} is
 * {@code in×r} and {@code bT} is {@code r×out}, so that the update is {@code x·aT·bT·scale}. The
 * file formats want {@code A} ({@code r×in}) and {@code B} ({@code out×r}); {@link #a} and {@link #b}
 * give those.
 */
public final class LoraWeights implements AutoCloseable {

  /** The two matrices of one adapted projection. */
  public record Pair(int layer, LoraTarget target, NDArray aT, NDArray bT) {
  }

  private final LoraConfig config;
  private final NDManager manager;
  private final List<Map<LoraTarget, Pair>> layers = new ArrayList<>();
  private final List<NDArray> parameters = new ArrayList<>();

  private LoraWeights(LoraConfig config, NDManager manager) {
    this.config = config;
    this.manager = manager;
  }

  /**
   * Creates fresh weights: every A uniform in ±1/√in from a generator seeded with {@code seed},
   * drawn layer by layer in target order, every B zero.
   */
  public static LoraWeights initialise(ModelSpec spec, LoraConfig config, long seed,
      NDManager parent) {
    LoraWeights weights = new LoraWeights(config, parent.newSubManager());
    SplittableRandom random = new SplittableRandom(seed);
    int r = config.rank();
    for (int layer = 0; layer < spec.layers(); layer++) {
      Map<LoraTarget, Pair> pairs = new EnumMap<>(LoraTarget.class);
      for (LoraTarget target : config.orderedTargets()) {
        int in = target.inputs(spec);
        int out = target.outputs(spec);
        double bound = 1 / Math.sqrt(in);
        float[] a = new float[r * in];
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        pairs.put(target, weights.pair(layer, target, a, new float[out * r], in, out));
      }
      weights.layers.add(pairs);
    }
    return weights;
  }

  /** Creates weights from A ({@code r×in}) and B ({@code out×r}) values, e.g. a checkpoint. */
  public static LoraWeights of(ModelSpec spec, LoraConfig config, NDManager parent,
      Values values) {
    LoraWeights weights = new LoraWeights(config, parent.newSubManager());
    for (int layer = 0; layer < spec.layers(); layer++) {
      Map<LoraTarget, Pair> pairs = new EnumMap<>(LoraTarget.class);
      for (LoraTarget target : config.orderedTargets()) {
        pairs.put(target, weights.pair(layer, target, values.a(layer, target),
            values.b(layer, target), target.inputs(spec), target.outputs(spec)));
      }
      weights.layers.add(pairs);
    }
    return weights;
  }

  /** Supplies the A and B values of each adapted projection. */
  public interface Values {
    /** A of {@code r×in}, row-major. */
    float[] a(int layer, LoraTarget target);

    /** B of {@code out×r}, row-major. */
    float[] b(int layer, LoraTarget target);
  }

  private Pair pair(int layer, LoraTarget target, float[] a, float[] b, int in, int out) {
    int r = config.rank();
    if (a.length != r * in || b.length != out * r) {
      throw new IllegalArgumentException("LoRA " + target + " of layer " + layer + " needs A of "
          + r + "x" + in + " and B of " + out + "x" + r);
    }
    NDArray aT = transpose(manager.create(a, new Shape(r, in)));
    NDArray bT = transpose(manager.create(b, new Shape(out, r)));
    aT.setRequiresGradient(true);
    bT.setRequiresGradient(true);
    parameters.add(aT);
    parameters.add(bT);
    return new Pair(layer, target, aT, bT);
  }

  private NDArray transpose(NDArray matrix) {
    try (matrix) {
      NDArray copy = matrix.transpose().duplicate();
      copy.attach(manager);
      return copy;
    }
  }

  /** The LoRA settings. */
  public LoraConfig config() {
    return config;
  }

  /** The pair adapting {@code target} in {@code layer}, or null when that target is not adapted. */
  public Pair pair(int layer, LoraTarget target) {
    return layers.get(layer).get(target);
  }

  /** Every trainable array, in a fixed order (layer, target, A before B). */
  public List<NDArray> parameters() {
    return List.copyOf(parameters);
  }

  /** A of {@code r×in}, row-major. */
  public float[] a(int layer, LoraTarget target) {
    try (NDArray a = pair(layer, target).aT().transpose()) {
      return a.toFloatArray();
    }
  }

  /** B of {@code out×r}, row-major. */
  public float[] b(int layer, LoraTarget target) {
    try (NDArray b = pair(layer, target).bT().transpose()) {
      return b.toFloatArray();
    }
  }

  /** The number of layers. */
  public int layers() {
    return layers.size();
  }

  @Override
  public void close() {
    manager.close();
  }
}
