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
import dev.ragft.finetune.local.internal.RopeStyle;
import dev.ragft.finetune.local.internal.TorchRuntime;
import dev.ragft.finetune.local.internal.Transformer;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Qwen2 path — NeoX rotary pairs, Q/K/V biases, an output head tied to the token embedding —
 * against llama.cpp, on a two-block qwen2 model with random F32 weights and stories260K's
 * tokenizer (no Qwen2 GGUF can be downloaded here). Compared: the last token's unit hidden state.
 */
class Qwen2ParityTest {

  private static final int DIM = 64;
  private static final int KV = 32;
  private static final int FFN = 96;

  @TempDir
  Path dir;

  @Test
  void a_random_qwen2_model_runs_as_llama_cpp_runs_it() {
    Path stories = Stories.model();
    Path model = dir.resolve("qwen2.gguf");
    SplittableRandom random = new SplittableRandom(99);
    try (GgufFile source = GgufFile.open(stories)) {
      GgufWriter writer = new GgufWriter();
      source.metadata().forEach((key, value) -> writer.put(
          key.startsWith("llama.") ? "qwen2." + key.substring(6) : key, value));
      writer.put("general.architecture", GgufValue.text("qwen2"))
          .put("qwen2.embedding_length", GgufValue.uint32(DIM))
          .put("qwen2.feed_forward_length", GgufValue.uint32(FFN))
          .put("qwen2.attention.head_count", GgufValue.uint32(4))
          .put("qwen2.attention.head_count_kv", GgufValue.uint32(2))
          .put("qwen2.block_count", GgufValue.uint32(2))
          .put("qwen2.rope.dimension_count", GgufValue.uint32(16))
          .put("qwen2.rope.freq_base", GgufValue.float32(1_000_000f))
          .put("qwen2.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-6f));
      writer.addF32("token_embd.weight", new long[] {DIM, 512}, gaussian(DIM * 512, 1, random));
      writer.addF32("output_norm.weight", new long[] {DIM}, gaussian(DIM, 0.2f, random, 1));
      for (int layer = 0; layer < 2; layer++) {
        String p = "blk." + layer + ".";
        writer.addF32(p + "attn_norm.weight", new long[] {DIM}, gaussian(DIM, 0.2f, random, 1));
        writer.addF32(p + "attn_q.weight", new long[] {DIM, DIM}, gaussian(DIM * DIM, 0.15f, random));
        writer.addF32(p + "attn_q.bias", new long[] {DIM}, gaussian(DIM, 0.5f, random));
        writer.addF32(p + "attn_k.weight", new long[] {DIM, KV}, gaussian(DIM * KV, 0.15f, random));
        writer.addF32(p + "attn_k.bias", new long[] {KV}, gaussian(KV, 0.5f, random));
        writer.addF32(p + "attn_v.weight", new long[] {DIM, KV}, gaussian(DIM * KV, 0.15f, random));
        writer.addF32(p + "attn_v.bias", new long[] {KV}, gaussian(KV, 0.5f, random));
        writer.addF32(p + "attn_output.weight", new long[] {DIM, DIM},
            gaussian(DIM * DIM, 0.15f, random));
        writer.addF32(p + "ffn_norm.weight", new long[] {DIM}, gaussian(DIM, 0.2f, random, 1));
        writer.addF32(p + "ffn_gate.weight", new long[] {DIM, FFN}, gaussian(DIM * FFN, 0.15f, random));
        writer.addF32(p + "ffn_up.weight", new long[] {DIM, FFN}, gaussian(DIM * FFN, 0.15f, random));
        writer.addF32(p + "ffn_down.weight", new long[] {FFN, DIM}, gaussian(FFN * DIM, 0.15f, random));
      }
      writer.write(model);
    }
    String prompt = "Once upon a time, there was a little dog named Max. He liked to run.";
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    TorchRuntime.threads(1);
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString())
            .setCtxSize(128).setThreads(1).enableEmbedding().setPoolingType(PoolingType.LAST)
            .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32));
        GgufFile gguf = GgufFile.open(model);
        NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      assertThat(spec.rope()).isEqualTo(RopeStyle.NEOX);
      assertThat(spec.qkvBias()).isTrue();
      assertThat(spec.tiedOutput()).isTrue();
      try (Transformer transformer = Transformer.load(gguf, spec, manager)) {
        float[] reference = llama.embed(prompt);
        long[] tokens = ForwardParityTest.withBos(llama.encode(prompt));
        float[] all = transformer.hidden(manager.create(tokens, new Shape(1, tokens.length)),
            null, 0).toFloatArray();
        float[] hidden = Arrays.copyOfRange(all, all.length - DIM, all.length);
        double norm = 0;
        for (float h : hidden) {
          norm += h * h;
        }
        norm = Math.sqrt(norm);
        double max = 0;
        for (int i = 0; i < DIM; i++) {
          max = Math.max(max, Math.abs(hidden[i] / norm - reference[i]));
        }
        assertThat(max).as("max abs difference of the unit hidden state").isLessThan(1e-5);
      }
    }
  }

  private static float[] gaussian(int count, float scale, SplittableRandom random) {
    return gaussian(count, scale, random, 0);
  }

  private static float[] gaussian(int count, float scale, SplittableRandom random, float mean) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = mean + scale * (float) random.nextGaussian();
    }
    return values;
  }
}
