package dev.ragft.finetune.local;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import de.kherud.llama.args.PoolingType;
import dev.ragft.finetune.local.internal.ModelSpec;
import dev.ragft.finetune.local.internal.TorchRuntime;
import dev.ragft.finetune.local.internal.Transformer;
import dev.ragft.model.gguf.GgufFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Scratch1Test {
  @Test
  void scratch() {
    Path model = Path.of("/work/shared/models/stories260K.gguf");
    LlamaModel.setLogger(LogFormat.TEXT, (l, m) -> { });
    String prompt = "Once upon a time, there was a little dog";
    float[] ref;
    int[] toks;
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString())
        .setCtxSize(256).enableEmbedding().setPoolingType(PoolingType.LAST)
        .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32))) {
      ref = llama.embed(prompt);
      toks = llama.encode(prompt);
    }
    String gen;
    try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString())
        .setCtxSize(256).setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32))) {
      gen = llama.complete(new InferenceParameters(prompt).setNPredict(20).setTemperature(0f));
    }
    System.out.println("GEN " + gen);
    TorchRuntime.engine();
    try (GgufFile gguf = GgufFile.open(model); NDManager base = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      System.out.println(spec);
      try (Transformer t = Transformer.load(gguf, spec, base); NDManager step = base.newSubManager()) {
        long[] ids = new long[toks.length + 1];
        ids[0] = 1;
        for (int i = 0; i < toks.length; i++) ids[i + 1] = toks[i];
        NDArray h = t.hidden(step.create(ids, new Shape(1, ids.length)), null, 0);
        float[] all = h.toFloatArray();
        float[] last = Arrays.copyOfRange(all, all.length - 64, all.length);
        double n = 0; for (float f : last) n += f * f; n = Math.sqrt(n);
        double maxd = 0;
        for (int i = 0; i < 64; i++) maxd = Math.max(maxd, Math.abs(last[i] / n - ref[i]));
        System.out.println("MAXDIFF " + maxd + " " + Arrays.toString(Arrays.copyOf(ref, 5)) + " " + last[0] / n);
        // greedy
        long[] seq = ids.clone();
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < 20; s++) {
          NDArray logits = t.logits(step.create(seq, new Shape(1, seq.length)), null, 0);
          float[] lf = logits.toFloatArray();
          int best = 0; for (int v = 1; v < 512; v++) if (lf[lf.length - 512 + v] > lf[lf.length - 512 + best]) best = v;
          seq = Arrays.copyOf(seq, seq.length + 1); seq[seq.length - 1] = best;
          out.append(best).append(' ');
        }
        System.out.println("DJLGEN " + out);
      }
    }
  }
}
