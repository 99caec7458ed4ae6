package dev.ragft.model.gguf;

import dev.ragft.common.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A LoRA adapter in llama.cpp's GGUF layout: {@code general.type = adapter}, {@code adapter.type =
 * lora}, {@code adapter.lora.alpha}, and for each adapted base tensor {@code W} (GGUF dimensions
 * {@code [in, out]}) a pair {@code W.lora_a} with dimensions {@code [in, r]} and {@code W.lora_b}
 * with dimensions {@code [r, out]}, so that llama.cpp adds {@code B·(A·x)·alpha/r} to {@code W·x}.
 * In row-major terms A is {@code r×in} and B is {@code out×r}, the same as PEFT's lora_A and lora_B.
 *
 * @param source the adapter file, for messages
 * @param architecture the {@code general.architecture} the adapter was made for
 * @param alpha the LoRA alpha
 * @param targets the adapted tensors, sorted by base tensor name
 */
public record GgufLoraAdapter(String source, String architecture, double alpha,
    List<Target> targets) {

  /** The {@code general.type} of an adapter. */
  public static final String GENERAL_TYPE = "adapter";

  /** The suffix of the A matrix's tensor name. */
  public static final String A_SUFFIX = ".lora_a";

  /** The suffix of the B matrix's tensor name. */
  public static final String B_SUFFIX = ".lora_b";

  /**
   * One adapted base tensor.
   *
   * @param baseTensor the base model tensor's name, e.g. {@code blk.0.attn_q.weight}
   * @param a the A tensor's entry
   * @param b the B tensor's entry
   */
  public record Target(String baseTensor, GgufTensorInfo a, GgufTensorInfo b) {
    /** Validates the components. */
    public Target {
      Objects.requireNonNull(baseTensor, "baseTensor");
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
    }

    /** The rank r. */
    public long rank() {
      return b.dimensions()[0];
    }
  }

  /** Validates the components and copies the targets. */
  public GgufLoraAdapter {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(architecture, "architecture");
    targets = List.copyOf(targets);
  }

  /** Reads and validates the adapter layout of an open GGUF file. */
  public static GgufLoraAdapter read(GgufFile file) {
    String generalType = file.optString("general.type").orElse("");
    if (!generalType.equals(GENERAL_TYPE)) {
      throw file.problem("is not a LoRA adapter: its general.type is \"" + generalType
          + "\", not \"adapter\"");
    }
    String adapterType = file.optString("adapter.type").orElse("");
    if (!adapterType.equals("lora")) {
      throw file.problem("is not a LoRA adapter: its adapter.type is \"" + adapterType
          + "\", not \"lora\"");
    }
    double alpha = file.optReal("adapter.lora.alpha").orElse(0.0);
    Map<String, GgufTensorInfo[]> pairs = new TreeMap<>();
    for (GgufTensorInfo tensor : file.tensors()) {
      String name = tensor.name();
      if (name.endsWith(A_SUFFIX)) {
        pairs.computeIfAbsent(strip(name, A_SUFFIX), k -> new GgufTensorInfo[2])[0] = tensor;
      } else if (name.endsWith(B_SUFFIX)) {
        pairs.computeIfAbsent(strip(name, B_SUFFIX), k -> new GgufTensorInfo[2])[1] = tensor;
      } else {
        throw file.problem("has tensor \"" + name
            + "\", which is neither a .lora_a nor a .lora_b tensor");
      }
    }
    List<Target> targets = new ArrayList<>();
    for (Map.Entry<String, GgufTensorInfo[]> pair : pairs.entrySet()) {
      GgufTensorInfo a = pair.getValue()[0];
      GgufTensorInfo b = pair.getValue()[1];
      if (a == null || b == null) {
        throw file.problem("has only one of the tensors " + pair.getKey() + A_SUFFIX + " and "
            + pair.getKey() + B_SUFFIX);
      }
      long[] da = a.dimensions();
      long[] db = b.dimensions();
      if (da.length != 2 || db.length != 2 || da[1] != db[0]) {
        throw file.problem("has LoRA tensors for " + pair.getKey()
            + " whose ranks do not match: lora_a is " + Arrays.toString(da)
            + " and lora_b is " + Arrays.toString(db));
      }
      targets.add(new Target(pair.getKey(), a, b));
    }
    if (targets.isEmpty()) {
      throw file.problem("is a LoRA adapter without any tensors");
    }
    return new GgufLoraAdapter(file.path().toString(), file.architecture(), alpha, targets);
  }

  private static String strip(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  /**
   * Checks that the adapter fits a base model: same architecture, and for every target a base
   * tensor of that name whose dimensions match the adapter's A and B.
   *
   * @throws InputException naming the adapter file when it was made for another base model
   */
  public void checkBase(GgufFile base) {
    String baseName = base.path().getFileName().toString();
    if (!base.architecture().equals(architecture)) {
      throw problem("is an adapter for " + architecture + " models, but the base model "
          + baseName + " is a " + base.architecture() + " model");
    }
    for (Target target : targets) {
      GgufTensorInfo weight = base.tensor(target.baseTensor()).orElseThrow(() -> problem(
          "adapts tensor \"" + target.baseTensor() + "\", which the base model " + baseName
              + " does not have; is the adapter for another base model?"));
      long[] w = weight.dimensions();
      long[] a = target.a().dimensions();
      long[] b = target.b().dimensions();
      if (w.length != 2 || w[0] != a[0] || w[1] != b[1]) {
        throw problem("has LoRA tensors for \"" + target.baseTensor() + "\" of " + a[0] + " inputs and "
            + b[1] + " outputs, but in the base model " + baseName + " that tensor is "
            + Arrays.toString(w) + "; is the adapter for another base model?");
      }
    }
  }

  private InputException problem(String text) {
    return new InputException(source, 0, null, text);
  }
}
