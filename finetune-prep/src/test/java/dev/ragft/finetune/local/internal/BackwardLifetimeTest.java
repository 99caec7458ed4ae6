package dev.ragft.finetune.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ragft.finetune.local.LoraConfig;
import dev.ragft.finetune.local.LoraTarget;
import dev.ragft.model.gguf.GgufFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backward pass must not read memory that Java released after the forward pass: collecting
 * garbage and refilling freed native memory with NaN between the two leaves the gradients as they
 * are without it. (DJL makes a tensor over a temporary Java buffer for every number operand; if
 * such a tensor were kept by autograd, these gradients would turn to NaN.)
 */
class BackwardLifetimeTest {

  @Test
  void gradients_do_not_change_when_memory_is_recycled_between_forward_and_backward() {
    Path model = Path.of(System.getProperty("ragft.shared.dir", "../shared"), "models",
        "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model), "skipped: " + model + " is absent");
    TorchRuntime.threads(1);
    LoraConfig config = new LoraConfig(2, 4, 0, EnumSet.of(LoraTarget.Q, LoraTarget.OUTPUT));
    try (GgufFile gguf = GgufFile.open(model); NDManager manager = NDManager.newBaseManager()) {
      ModelSpec spec = ModelSpec.of(gguf);
      try (Transformer transformer = Transformer.load(gguf, spec, manager)) {
        float[] quiet = gradients(transformer, spec, config, manager, false);
        float[] churned = gradients(transformer, spec, config, manager, true);
        assertThat(churned).containsExactly(quiet);
        for (float g : quiet) {
          assertThat(Float.isFinite(g)).isTrue();
        }
        assertThat(quiet).isNotEqualTo(new float[quiet.length]);
      }
    }
  }

  private static float[] gradients(Transformer transformer, ModelSpec spec, LoraConfig config,
      NDManager manager, boolean churn) {
    LoraWeights.Values values = new LoraWeights.Values() {
      @Override
      public float[] a(LoraWeights.Slot slot) {
        return filled(config.rank() * LoraShapes.inputs(slot.target(), spec), 0.05f);
      }

      @Override
      public float[] b(LoraWeights.Slot slot) {
        return filled(LoraShapes.outputs(slot.target(), spec) * config.rank(), 0.02f);
      }
    };
    try (LoraWeights lora = LoraWeights.of(spec, config, manager, values);
        NDManager step = manager.newSubManager()) {
      long[] tokens = {1, 403, 407, 261, 378, 300, 301, 302};
      try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
        NDArray loss = transformer.logits(step.create(tokens, new Shape(1, tokens.length)), lora,
            0).logSoftmax(-1).sum();
        if (churn) {
          recycle();
        }
        collector.backward(loss);
      }
      float[] all = new float[0];
      for (NDArray parameter : lora.parameters()) {
        try (NDArray grad = parameter.getGradient()) {
          float[] g = grad.toFloatArray();
          all = Arrays.copyOf(all, all.length + g.length);
          System.arraycopy(g, 0, all, all.length - g.length, g.length);
        }
      }
      return all;
    }
  }

  private static void recycle() {
    for (int round = 0; round < 5; round++) {
      System.gc();
      List<ByteBuffer> filler = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4 << (i % 4)).order(ByteOrder.nativeOrder());
        while (buffer.remaining() >= 4) {
          buffer.putFloat(Float.NaN);
        }
        filler.add(buffer);
      }
      filler.clear();
    }
  }

  private static float[] filled(int length, float value) {
    float[] values = new float[length];
    Arrays.fill(values, value);
    return values;
  }
}
