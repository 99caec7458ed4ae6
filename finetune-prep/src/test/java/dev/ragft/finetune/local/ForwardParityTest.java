package dev.ragft.finetune.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
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
import dev.ragft.model.gguf.GgufFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DJL forward pass against llama.cpp on stories260K. The binding exposes no logits (its
 * {@code n_probs} output crashes in 4.2.0), but with last-token pooling its embedding is the
 * L2-normalised final hidden state, the input of the output head. Because RMSNorm fixes the scale
 * ({@code h / g} has an RMS of 1), that unit vector determines the hidden state, so llama.cpp's
 * logits are rebuilt exactly as {@code output · h}. Compared: the unit vectors (max abs difference
 * ≤ 1e-5), the logits over the whole vocabulary (max abs difference ≤ 1e-3), and greedy decoding.
 */
class ForwardParityTest {

  private static final List<String> PROMPTS = List.of("Once upon a time",
      "Once upon a time, there was a little dog named Max.",
      "Lily and Tom went to the park. They saw a big tree and",
      "User: JSON: the cat was happy.\nAssistant:");

  @Test
  void last_token_hidden_state_and_logits_match_llama_cpp() {
    Path model = Stories.model();
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    TorchRuntime.threads(1);
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString())
            .setCtxSize(256).setThreads(1).enableEmbedding().setPoolingType(PoolingType.LAST)
            .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32));
        GgufFile gguf = GgufFile.open(model);
        NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      float[] gain = gguf.readFloats(gguf.requireTensor("output_norm.weight"));
      float[] output = gguf.readFloats(gguf.requireTensor("output.weight"));
      try (Transformer transformer = Transformer.load(gguf, spec, manager)) {
        for (String prompt : PROMPTS) {
          float[] reference = llama.embed(prompt);
          long[] tokens = withBos(llama.encode(prompt));
          float[] hidden;
          try (NDManager step = manager.newSubManager()) {
            NDArray all = transformer.hidden(step.create(tokens, new Shape(1, tokens.length)),
                null, 0);
            float[] values = all.toFloatArray();
            hidden = Arrays.copyOfRange(values, values.length - spec.dim(), values.length);
          }
          float[] unit = unit(hidden);
          assertThat(maxAbsDiff(unit, reference)).as("unit hidden state of %s", prompt)
              .isLessThanOrEqualTo(1e-5);
          float[] rebuilt = rebuild(reference, gain);
          assertThat(maxAbsDiff(logits(output, hidden), logits(output, rebuilt)))
              .as("logits of %s", prompt).isLessThanOrEqualTo(1e-3);
        }
      }
    }
  }

  @Test
  void greedy_decoding_matches_llama_cpp_token_for_token() {
    Path model = Stories.model();
    TorchRuntime.threads(1);
    String prompt = "Once upon a time, there was a little dog";
    try (LlamaModel llama = Stories.llama(model, null);
        GgufFile gguf = GgufFile.open(model);
        NDManager manager = NDManager.newBaseManager();
        Transformer transformer = Transformer.load(gguf, ModelSpec.of(gguf), manager)) {
      String expected = Stories.greedy(llama, prompt, 24);
      int[] generated = Decoding.greedy(transformer, null, withBos(llama.encode(prompt)), 24,
          manager);
      assertThat(llama.decode(generated)).isEqualTo(expected);
      assertThat(expected).isNotBlank();
    }
  }

  static long[] withBos(int[] tokens) {
    long[] ids = new long[tokens.length + 1];
    ids[0] = 1;
    for (int i = 0; i < tokens.length; i++) {
      ids[i + 1] = tokens[i];
    }
    return ids;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return u;
  }

  /** The hidden state whose direction is {@code unit}: the multiple of it with rms(h/g) = 1. */
  private static float[] rebuild(float[] unit, float[] gain) {
    double sum = 0;
    for (int i = 0; i < unit.length; i++) {
      double r = unit[i] / gain[i];
      sum += r * r;
    }
    double scale = 1 / Math.sqrt(sum / unit.length);
    float[] h = new float[unit.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = (float) (unit[i] * scale);
    }
    return h;
  }

  private static float[] logits(float[] output, float[] hidden) {
    int dim = hidden.length;
    float[] logits = new float[output.length / dim];
    for (int v = 0; v < logits.length; v++) {
      double sum = 0;
      for (int i = 0; i < dim; i++) {
        sum += output[v * dim + i] * hidden[i];
      }
      logits[v] = (float) sum;
    }
    return logits;
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
