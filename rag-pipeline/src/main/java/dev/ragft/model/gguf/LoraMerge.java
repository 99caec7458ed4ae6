package dev.ragft.model.gguf;

import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges several LoRA adapters of one base model, each with its scale, into a single adapter
 * with exactly their summed update, for runtimes that apply one adapter per model. The ranks are
 * concatenated: for every adapted tensor the merged A stacks the adapters' A matrices, and the
 * merged B places their B matrices side by side, each multiplied by its adapter's effective factor
 * ({@code scale · alpha / r}, or {@code scale} for an adapter without alpha, as llama.cpp applies
 * them). Then {@code B'·A' = Σ factor_i · B_i·A_i}. Every merged tensor has the total rank
 * {@code R = Σ r_i} (an adapter that does not adapt a tensor contributes zero rows and columns), and
 * the merged alpha is {@code R}, so the runtime's own factor {@code alpha / r} is exactly 1.
 */
public final class LoraMerge {

  private LoraMerge() {
  }

  /**
   * One input adapter.
   *
   * @param file its GGUF file
   * @param scale the factor its update is applied with
   */
  public record Input(Path file, double scale) {
    /** Validates the components. */
    public Input {
      Objects.requireNonNull(file, "file");
      if (!Double.isFinite(scale)) {
        throw new IllegalArgumentException("a LoRA scale must be finite, but is: " + scale);
      }
    }
  }

  /**
   * Writes the merged adapter of {@code inputs} to {@code target}.
   *
   * @throws dev.ragft.common.InputException when an input is not a LoRA adapter
   * @throws RagftException when the adapters were made for different architectures or disagree on
   *     a tensor's shape
   */
  public static void merge(List<Input> inputs, Path target) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("there are no adapters to merge");
    }
    List<Read> reads = new ArrayList<>();
    for (Input input : inputs) {
      try (GgufFile file = GgufFile.open(input.file())) {
        GgufLoraAdapter adapter = GgufLoraAdapter.read(file);
        Map<String, float[][]> tensors = new TreeMap<>();
        long rank = -1;
        for (GgufLoraAdapter.Target t : adapter.targets()) {
          tensors.put(t.baseTensor(), new float[][] {file.readFloats(t.a()),
              file.readFloats(t.b())});
          if (rank >= 0 && rank != t.rank()) {
            throw new RagftException(input.file() + ": the adapter's tensors have different"
                + " ranks (" + rank + " and " + t.rank() + "), which ragft cannot merge");
          }
          rank = t.rank();
        }
        double factor = adapter.alpha() != 0 ? input.scale() * adapter.alpha() / rank
            : input.scale();
        reads.add(new Read(input.file(), adapter, (int) rank, factor, tensors));
      }
    }
    String architecture = reads.get(0).adapter().architecture();
    Map<String, long[]> shapes = new TreeMap<>();
    int total = 0;
    for (Read read : reads) {
      if (!read.adapter().architecture().equals(architecture)) {
        throw new RagftException("cannot merge LoRA adapters for different architectures: "
            + reads.get(0).file() + " is for " + architecture + ", " + read.file() + " for "
            + read.adapter().architecture());
      }
      for (GgufLoraAdapter.Target t : read.adapter().targets()) {
        long[] shape = {t.a().dimensions()[0], t.b().dimensions()[1]};
        long[] known = shapes.putIfAbsent(t.baseTensor(), shape);
        if (known != null && (known[0] != shape[0] || known[1] != shape[1])) {
          throw new RagftException("cannot merge LoRA adapters that disagree on tensor "
              + t.baseTensor() + ": " + known[0] + "x" + known[1] + " against " + shape[0] + "x"
              + shape[1] + " in " + read.file());
        }
      }
      total += read.rank();
    }
    GgufWriter writer = new GgufWriter()
        .put("general.architecture", GgufValue.text(architecture))
        .put("general.type", GgufValue.text(GgufLoraAdapter.GENERAL_TYPE))
        .put("general.name", GgufValue.text("ragft merged LoRA adapter"))
        .put("adapter.type", GgufValue.text("lora"))
        .put("adapter.lora.alpha", GgufValue.float32(total));
    for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
      int in = (int) entry.getValue()[0];
      int out = (int) entry.getValue()[1];
      float[] a = new float[total * in];
      float[] b = new float[out * total];
      int offset = 0;
      for (Read read : reads) {
        float[][] pair = read.tensors().get(entry.getKey());
        if (pair != null) {
          System.arraycopy(pair[0], 0, a, offset * in, read.rank() * in);
          for (int row = 0; row < out; row++) {
            for (int k = 0; k < read.rank(); k++) {
              b[row * total + offset + k] = (float) (read.factor() * pair[1][row * read.rank() + k]);
            }
          }
        }
        offset += read.rank();
      }
      writer.addF32(entry.getKey() + GgufLoraAdapter.A_SUFFIX, new long[] {in, total}, a);
      writer.addF32(entry.getKey() + GgufLoraAdapter.B_SUFFIX, new long[] {total, out}, b);
    }
    writer.write(target);
  }

  private record Read(Path file, GgufLoraAdapter adapter, int rank, double factor,
      Map<String, float[][]> tensors) {
  }
}
