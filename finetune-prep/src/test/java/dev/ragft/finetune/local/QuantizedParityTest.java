package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import de.kherud.llama.args.PoolingType;
import dev.ragft.finetune.local.internal.ModelSpec;
import dev.ragft.finetune.local.internal.TorchRuntime;
import dev.ragft.finetune.local.internal.Transformer;
import dev.ragft.model.gguf.GgmlType;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufTensorInfo;
import dev.ragft.model.gguf.GgufWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * stories260K with its matrices stored as F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0 or Q5_1 (written by
 * ragft's own GGUF writer; like llama.cpp's quantizer it keeps F32 for ffn_down, whose rows of 172
 * are not whole blocks): llama.cpp computes with the stored types, the trainer with their
 * dequantized values, so agreement shows that the dequantization reads the blocks as llama.cpp
 * does. llama.cpp rounds the activations to the weights' dot-product type (F16, or Q8_0 blocks for
 * Q8_0, Q4_0 and Q5_0 weights, Q8_1 blocks for Q4_1 and Q5_1), so the tolerance on the unit hidden
 * state is looser than for F32. The quantizers follow ggml's reference ones
 * ({@code quantize_row_*_ref}).
 */
class QuantizedParityTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"F16, 0.002", "BF16, 0.01", "Q8_0, 0.02", "Q4_0, 0.02", "Q4_1, 0.02", "Q5_0, 0.02",
      "Q5_1, 0.02"})
  void a_quantized_copy_runs_as_llama_cpp_runs_it(GgmlType type, double tolerance) {
    Path source = Stories.model();
    Path quantized = dir.resolve("stories-" + type + ".gguf");
    try (GgufFile gguf = GgufFile.open(source)) {
      GgufWriter writer = new GgufWriter();
      gguf.metadata().forEach(writer::put);
      for (GgufTensorInfo tensor : gguf.tensors()) {
        float[] values = gguf.readFloats(tensor);
        if (tensor.dimensions().length == 2 && tensor.dimensions()[0] % type.blockSize() == 0) {
          writer.addTensor(tensor.name(), tensor.dimensions(), type, quantize(type, values));
        } else {
          writer.addF32(tensor.name(), tensor.dimensions(), values);
        }
      }
      writer.write(quantized);
    }
    String prompt = "Once upon a time, there was a little dog named Max.";
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    TorchRuntime.threads(1);
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(quantized.toString())
            .setCtxSize(128).setThreads(1).enableEmbedding().setPoolingType(PoolingType.LAST)
            .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32));
        GgufFile gguf = GgufFile.open(quantized);
        NDManager manager = NDManager.newBaseManager();
        Transformer transformer = Transformer.load(gguf, ModelSpec.of(gguf), manager)) {
      float[] reference = llama.embed(prompt);
      long[] tokens = ForwardParityTest.withBos(llama.encode(prompt));
      float[] all = transformer.hidden(manager.create(tokens, new Shape(1, tokens.length)), null, 0)
          .toFloatArray();
      float[] hidden = Arrays.copyOfRange(all, all.length - 64, all.length);
      double norm = Math.sqrt(dot(hidden, hidden));
      double max = 0;
      for (int i = 0; i < hidden.length; i++) {
        max = Math.max(max, Math.abs(hidden[i] / norm - reference[i]));
      }
      System.out.printf(Locale.ROOT, "%s: max abs difference %.2e, cosine %.5f%n", type, max,
          dot(hidden, reference) / norm);
      assertThat(max).as("max abs difference of the unit hidden state").isLessThan(tolerance);
      assertThat(dot(hidden, reference) / norm).isGreaterThan(0.999);
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** A plain reference quantizer: per block of 32 the scale maps the largest magnitude. */
  private static ByteBuffer quantize(GgmlType type, float[] values) {
    ByteBuffer out = ByteBuffer.allocate((int) type.bytesFor(values.length))
        .order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case F16 -> {
        for (float v : values) {
          out.putShort(Float.floatToFloat16(v));
        }
      }
      case BF16 -> {
        for (float v : values) {
          int bits = Float.floatToIntBits(v);
          out.putShort((short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16));
        }
      }
      case Q8_0 -> {
        for (int b = 0; b < values.length; b += 32) {
          float max = 0;
          for (int j = 0; j < 32; j++) {
            max = Math.max(max, Math.abs(values[b + j]));
          }
          float d = max / 127;
          out.putShort(Float.floatToFloat16(d));
          float id = d == 0 ? 0 : 1 / Float.float16ToFloat(Float.floatToFloat16(d));
          for (int j = 0; j < 32; j++) {
            out.put((byte) Math.round(values[b + j] * id));
          }
        }
      }
      case Q4_0 -> {
        for (int b = 0; b < values.length; b += 32) {
          float max = 0;
          for (int j = 0; j < 32; j++) {
            if (Math.abs(values[b + j]) > Math.abs(max)) {
              max = values[b + j];
            }
          }
          float d = max / -8;
          out.putShort(Float.floatToFloat16(d));
          float id = d == 0 ? 0 : 1 / Float.float16ToFloat(Float.floatToFloat16(d));
          for (int j = 0; j < 16; j++) {
            int lo = Math.min(15, (int) (values[b + j] * id + 8.5f));
            int hi = Math.min(15, (int) (values[b + j + 16] * id + 8.5f));
            out.put((byte) (lo | hi << 4));
          }
        }
      }
      case Q4_1, Q5_1 -> {
        int levels = type == GgmlType.Q4_1 ? 15 : 31;
        for (int b = 0; b < values.length; b += 32) {
          float min = Float.MAX_VALUE;
          float max = -Float.MAX_VALUE;
          for (int j = 0; j < 32; j++) {
            min = Math.min(min, values[b + j]);
            max = Math.max(max, values[b + j]);
          }
          float d = (max - min) / levels;
          float id = d == 0 ? 0 : 1 / d;
          out.putShort(Float.floatToFloat16(d));
          out.putShort(Float.floatToFloat16(min));
          int[] q = new int[32];
          for (int j = 0; j < 32; j++) {
            q[j] = Math.min(levels, (int) ((values[b + j] - min) * id + 0.5f));
          }
          packNibbles(out, q, type == GgmlType.Q5_1);
        }
      }
      case Q5_0 -> {
        for (int b = 0; b < values.length; b += 32) {
          float max = 0;
          for (int j = 0; j < 32; j++) {
            if (Math.abs(values[b + j]) > Math.abs(max)) {
              max = values[b + j];
            }
          }
          float d = max / -16;
          float id = d == 0 ? 0 : 1 / d;
          out.putShort(Float.floatToFloat16(d));
          int[] q = new int[32];
          for (int j = 0; j < 32; j++) {
            q[j] = Math.min(31, (int) (values[b + j] * id + 16.5f));
          }
          packNibbles(out, q, true);
        }
      }
      default -> throw new IllegalArgumentException(type.name());
    }
    return out.flip();
  }

  /**
   * Writes 32 quants as 16 bytes of nibbles (weight j low, weight j + 16 high), preceded, for the
   * 5-bit types, by the little-endian word of their fifth bits (bit j for weight j).
   */
  private static void packNibbles(ByteBuffer out, int[] q, boolean fifthBits) {
    if (fifthBits) {
      int high = 0;
      for (int j = 0; j < 32; j++) {
        high |= (q[j] >>> 4 & 1) << j;
      }
      out.putInt(high);
    }
    for (int j = 0; j < 16; j++) {
      out.put((byte) ((q[j] & 0x0F) | (q[j + 16] & 0x0F) << 4));
    }
  }
}
