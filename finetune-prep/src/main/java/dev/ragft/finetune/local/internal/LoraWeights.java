package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ragft.finetune.local.LoraConfig;
import dev.ragft.finetune.local.LoraTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable LoRA matrices of one model, kept transposed for the forward pass: {@code aT} is
 * {@code in×r} and {@code bT} is {@code r×out}, so that the update is {@code x·aT·bT·scale}. The
 * file formats want {@code A} ({@code r×in}) and {@code B} ({@code out×r}); {@link #a} and {@link #b}
 * give those. Adapted projections are visited in one canonical order, {@link #slots}: block by
 * block, targets in declaration order, then the output head.
 */
public final class LoraWeights implements AutoCloseable {

  /**
   * One adapted projection: a per-block target in block {@code layer}, or the output head with
   * layer -1.
   *
   * @param layer the block, or -1 for {@link LoraTarget#OUTPUT}
   * @param target the projection
   */
  public record Slot(int layer, LoraTarget target) {
    /** The GGUF name of the adapted base weight. */
    public String ggufWeight() {
      return target.ggufWeight(layer);
    }
  }

  /** The two matrices of one adapted projection. */
  public record Pair(Slot slot, NDArray aT, NDArray bT) {
  }

  /** Supplies the A and B values of each adapted projection. */
  public interface Values {
    /** A of {@code r×in}, row-major. */
    float[] a(Slot slot);

    /** B of {@code out×r}, row-major. */
    float[] b(Slot slot);
  }

  private final LoraConfig config;
  private final ModelSpec spec;
  private final NDManager manager;
  private final Map<Slot, Pair> pairs = new LinkedHashMap<>();
  private final List<NDArray> parameters = new ArrayList<>();

  private LoraWeights(ModelSpec spec, LoraConfig config, NDManager manager) {
    this.spec = spec;
    this.config = config;
    this.manager = manager;
  }

  /** The adapted projections of a model in canonical order. */
  public static List<Slot> slots(ModelSpec spec, LoraConfig config) {
    if (config.targets().contains(LoraTarget.OUTPUT) && spec.tiedOutput()) {
      throw new IllegalArgumentException("LoRA target OUTPUT needs a model with its own output"
          + " head, but this " + spec.architecture() + " model ties it to the token embedding");
    }
    List<Slot> slots = new ArrayList<>();
    for (int layer = 0; layer < spec.layers(); layer++) {
      for (LoraTarget target : config.orderedTargets()) {
        if (target.perBlock()) {
          slots.add(new Slot(layer, target));
        }
      }
    }
    if (config.targets().contains(LoraTarget.OUTPUT)) {
      slots.add(new Slot(-1, LoraTarget.OUTPUT));
    }
    return slots;
  }

  /**
   * Creates fresh weights: every A uniform in ±1/√in from a generator seeded with {@code seed},
   * drawn in slot order, every B zero.
   */
  public static LoraWeights initialise(ModelSpec spec, LoraConfig config, long seed,
      NDManager parent) {
    LoraWeights weights = new LoraWeights(spec, config, parent.newSubManager());
    SplittableRandom random = new SplittableRandom(seed);
    int r = config.rank();
    for (Slot slot : slots(spec, config)) {
      int in = LoraShapes.inputs(slot.target(), spec);
      double bound = 1 / Math.sqrt(in);
      float[] a = new float[r * in];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
      }
      weights.add(slot, a, new float[LoraShapes.outputs(slot.target(), spec) * r]);
    }
    return weights;
  }

  /** Creates weights from A ({@code r×in}) and B ({@code out×r}) values, e.g. a checkpoint. */
  public static LoraWeights of(ModelSpec spec, LoraConfig config, NDManager parent,
      Values values) {
    LoraWeights weights = new LoraWeights(spec, config, parent.newSubManager());
    for (Slot slot : slots(spec, config)) {
      weights.add(slot, values.a(slot), values.b(slot));
    }
    return weights;
  }

  private void add(Slot slot, float[] a, float[] b) {
    int r = config.rank();
    int in = LoraShapes.inputs(slot.target(), spec);
    int out = LoraShapes.outputs(slot.target(), spec);
    if (a == null || b == null || a.length != r * in || b.length != out * r) {
      throw new IllegalArgumentException("LoRA " + slot.ggufWeight() + " needs A of " + r + "x"
          + in + " and B of " + out + "x" + r);
    }
    NDArray aT = transpose(manager.create(a, new Shape(r, in)));
    NDArray bT = transpose(manager.create(b, new Shape(out, r)));
    aT.setRequiresGradient(true);
    bT.setRequiresGradient(true);
    parameters.add(aT);
    parameters.add(bT);
    pairs.put(slot, new Pair(slot, aT, bT));
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

  /** The adapted projections in canonical order. */
  public List<Slot> slots() {
    return List.copyOf(pairs.keySet());
  }

  /** The pair adapting {@code target} in {@code layer} (-1 for the output head), or null. */
  public Pair pair(int layer, LoraTarget target) {
    return pairs.get(new Slot(target.perBlock() ? layer : -1, target));
  }

  /** Every trainable array in slot order, A before B. */
  public List<NDArray> parameters() {
    return List.copyOf(parameters);
  }

  /** A of {@code r×in}, row-major. */
  public float[] a(Slot slot) {
    try (NDArray a = pairs.get(slot).aT().transpose()) {
      return a.toFloatArray();
    }
  }

  /** B of {@code out×r}, row-major. */
  public float[] b(Slot slot) {
    try (NDArray b = pairs.get(slot).bT().transpose()) {
      return b.toFloatArray();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
