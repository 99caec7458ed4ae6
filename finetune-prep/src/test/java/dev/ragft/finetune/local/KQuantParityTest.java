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
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The K-quants (Q2_K, Q3_K, Q4_K, Q5_K, Q6_K) need rows of 256, which stories260K does not have,
 * so this test builds a one-block Llama of width 256 with stories260K's tokenizer and random
 * K-quant blocks of two types (any bytes are valid blocks once the F16 scales are sane), runs it
 * in llama.cpp and in the trainer, and compares the last token's unit hidden state. llama.cpp
 * rounds activations to Q8_K blocks for K-quant dot products, hence the tolerance. Each pair's
 * tolerance is set a few times above its measured difference and below what misreading one bit
 * or nibble of its blocks gives (checked by breaking the dequantization on purpose: a Q5_K high
 * bit taken from the wrong plane gives 1.4e-2, a Q3_K high-bit mask read inverted 0.32, Q2_K
 * minimums read from the scale nibble 0.19).
 */
class KQuantParityTest {

  private static final int DIM = 256;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource({"Q4_K, Q6_K, 0.02, 0.995", "Q2_K, Q3_K, 0.01, 0.999", "Q5_K, Q5_K, 0.001, 0.99999"})
  void random_k_quant_weights_run_as_llama_cpp_runs_them(GgmlType a, GgmlType b,
      double tolerance, double cosine) {
    Path stories = Stories.model();
    Path model = dir.resolve("k-quants-" + a + "-" + b + ".gguf");
    SplittableRandom random = new SplittableRandom(2024);
    try (GgufFile source = GgufFile.open(stories)) {
      GgufWriter writer = new GgufWriter();
      source.metadata().forEach(writer::put);
      writer.put("llama.embedding_length", GgufValue.uint32(DIM))
          .put("llama.feed_forward_length", GgufValue.uint32(DIM))
          .put("llama.attention.head_count", GgufValue.uint32(4))
          .put("llama.attention.head_count_kv", GgufValue.uint32(2))
          .put("llama.block_count", GgufValue.uint32(1))
          .put("llama.rope.dimension_count", GgufValue.uint32(DIM / 4));
      writer.addTensor("token_embd.weight", new long[] {DIM, 512}, a,
          blocks(a, DIM * 512, random));
      writer.addF32("output_norm.weight", new long[] {DIM}, ones());
      writer.addTensor("output.weight", new long[] {DIM, 512}, b,
          blocks(b, DIM * 512, random));
      writer.addF32("blk.0.attn_norm.weight", new long[] {DIM}, ones());
      writer.addTensor("blk.0.attn_q.weight", new long[] {DIM, DIM}, a,
          blocks(a, DIM * DIM, random));
      writer.addTensor("blk.0.attn_k.weight", new long[] {DIM, DIM / 2}, b,
          blocks(b, DIM * DIM / 2, random));
      writer.addTensor("blk.0.attn_v.weight", new long[] {DIM, DIM / 2}, b,
          blocks(b, DIM * DIM / 2, random));
      writer.addTensor("blk.0.attn_output.weight", new long[] {DIM, DIM}, a,
          blocks(a, DIM * DIM, random));
      writer.addF32("blk.0.ffn_norm.weight", new long[] {DIM}, ones());
      writer.addTensor("blk.0.ffn_gate.weight", new long[] {DIM, DIM}, a,
          blocks(a, DIM * DIM, random));
      writer.addTensor("blk.0.ffn_up.weight", new long[] {DIM, DIM}, b,
          blocks(b, DIM * DIM, random));
      writer.addTensor("blk.0.ffn_down.weight", new long[] {DIM, DIM}, b,
          blocks(b, DIM * DIM, random));
      writer.write(model);
    }
    String prompt = "Once upon a time, there was a little dog named Max.";
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    TorchRuntime.threads(1);
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString())
            .setCtxSize(128).setThreads(1).enableEmbedding().setPoolingType(PoolingType.LAST)
            .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32));
        GgufFile gguf = GgufFile.open(model);
        NDManager manager = NDManager.newBaseManager();
        Transformer transformer = Transformer.load(gguf, ModelSpec.of(gguf), manager)) {
      float[] reference = llama.embed(prompt);
      long[] tokens = ForwardParityTest.withBos(llama.encode(prompt));
      float[] all = transformer.hidden(manager.create(tokens, new Shape(1, tokens.length)), null, 0)
          .toFloatArray();
      float[] hidden = Arrays.copyOfRange(all, all.length - DIM, all.length);
      double norm = 0;
      double dot = 0;
      for (int i = 0; i < DIM; i++) {
        norm += hidden[i] * hidden[i];
        dot += hidden[i] * reference[i];
      }
      norm = Math.sqrt(norm);
      double max = 0;
      for (int i = 0; i < DIM; i++) {
        max = Math.max(max, Math.abs(hidden[i] / norm - reference[i]));
      }
      System.out.printf(Locale.ROOT, "%s and %s: max abs difference %.2e, cosine %.5f%n", a, b,
          max, dot / norm);
      assertThat(max).as("max abs difference of the unit hidden state").isLessThan(tolerance);
      assertThat(dot / norm).isGreaterThan(cosine);
    }
  }

  private static float[] ones() {
    float[] ones = new float[DIM];
    Arrays.fill(ones, 1f);
    return ones;
  }

  /** Random blocks of a K-quant: random bytes with sane F16 scales. */
  private static ByteBuffer blocks(GgmlType type, int count, SplittableRandom random) {
    return switch (type) {
      case Q4_K -> q4k(count, random);
      case Q6_K -> q6k(count, random);
      case Q2_K -> randomBlocks(type, count, random, 80, 82);
      case Q3_K -> randomBlocks(type, count, random, 108, -1);
      case Q5_K -> randomBlocks(type, count, random, 0, 2);
      default -> throw new IllegalArgumentException(type + " is not a K-quant");
    };
  }

  /**
   * Blocks of random bytes whose F16 {@code d} (at byte {@code dAt}) is 0.0005 and whose F16
   * {@code dmin} (at {@code minAt}, when the type has one) is 0.002.
   */
  private static ByteBuffer randomBlocks(GgmlType type, int count, SplittableRandom random,
      int dAt, int minAt) {
    int size = type.blockBytes();
    ByteBuffer out = ByteBuffer.allocate(count / 256 * size).order(ByteOrder.LITTLE_ENDIAN);
    for (int b = 0; b < count / 256; b++) {
      for (int i = 0; i < size; i++) {
        out.put(b * size + i, (byte) random.nextInt(256));
      }
      out.putShort(b * size + dAt, Float.floatToFloat16(0.0005f));
      if (minAt >= 0) {
        out.putShort(b * size + minAt, Float.floatToFloat16(0.002f));
      }
    }
    return out;
  }

  private static ByteBuffer q4k(int count, SplittableRandom random) {
    ByteBuffer out = ByteBuffer.allocate(count / 256 * 144).order(ByteOrder.LITTLE_ENDIAN);
    for (int b = 0; b < count / 256; b++) {
      out.putShort(Float.floatToFloat16(0.0005f));
      out.putShort(Float.floatToFloat16(0.002f));
      for (int i = 0; i < 140; i++) {
        out.put((byte) random.nextInt(256));
      }
    }
    return out.flip();
  }

  private static ByteBuffer q6k(int count, SplittableRandom random) {
    ByteBuffer out = ByteBuffer.allocate(count / 256 * 210).order(ByteOrder.LITTLE_ENDIAN);
    for (int b = 0; b < count / 256; b++) {
      for (int i = 0; i < 192; i++) {
        out.put((byte) random.nextInt(256));
      }
      for (int i = 0; i < 16; i++) {
        out.put((byte) (random.nextInt(64) - 32));
      }
      out.putShort(Float.floatToFloat16(0.0005f));
    }
    return out.flip();
  }
}
