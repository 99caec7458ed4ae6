package dev.ragft.model.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged adapter's tensors, checked value by value on small hand-made adapters. */
class LoraMergeTest {

  @TempDir
  Path dir;

  /** A rank-r adapter for one 3-by-2 tensor (in 3, out 2) with the given A, B and alpha. */
  private Path adapter(String name, String architecture, String tensor, int rank, float[] a,
      float[] b, float alpha) {
    GgufWriter writer = new GgufWriter()
        .put("general.architecture", GgufValue.text(architecture))
        .put("general.type", GgufValue.text(GgufLoraAdapter.GENERAL_TYPE))
        .put("adapter.type", GgufValue.text("lora"));
    if (alpha > 0) {
      writer.put("adapter.lora.alpha", GgufValue.float32(alpha));
    }
    Path file = dir.resolve(name);
    writer.addF32(tensor + ".lora_a", new long[] {3, rank}, a)
        .addF32(tensor + ".lora_b", new long[] {rank, 2}, b).write(file);
    return file;
  }

  @Test
  void ranks_are_stacked_and_each_b_carries_its_scale_and_alpha_over_rank() {
    // First: rank 1, alpha 2 (factor 2 x scale 0.5 = 1). Second: rank 2, no alpha (factor 3).
    Path first = adapter("first.gguf", "llama", "blk.0.attn_q.weight", 1,
        new float[] {1, 2, 3}, new float[] {4, 5}, 2);
    Path second = adapter("second.gguf", "llama", "blk.0.attn_q.weight", 2,
        new float[] {1, 0, 0, 0, 1, 0}, new float[] {1, 2, 3, 4}, 0);
    Path merged = dir.resolve("merged.gguf");

    LoraMerge.merge(List.of(new LoraMerge.Input(first, 0.5), new LoraMerge.Input(second, 3)),
        merged);

    try (GgufFile file = GgufFile.open(merged)) {
      GgufLoraAdapter read = GgufLoraAdapter.read(file);
      assertThat(read.alpha()).isEqualTo(3.0);
      assertThat(read.targets()).singleElement().satisfies(t -> {
        assertThat(t.a().dimensions()).containsExactly(3, 3);
        assertThat(t.b().dimensions()).containsExactly(3, 2);
        assertThat(file.readFloats(t.a())).containsExactly(1, 2, 3, 1, 0, 0, 0, 1, 0);
        // Row o of B: [1 x b1[o], 3 x b2[o, 0], 3 x b2[o, 1]].
        assertThat(file.readFloats(t.b())).containsExactly(4, 3, 6, 5, 9, 12);
      });
    }
  }

  @Test
  void a_tensor_only_one_adapter_adapts_gets_zeros_from_the_other() {
    Path q = adapter("q.gguf", "llama", "blk.0.attn_q.weight", 1, new float[] {1, 1, 1},
        new float[] {1, 1}, 0);
    Path k = adapter("k.gguf", "llama", "blk.0.attn_k.weight", 1, new float[] {2, 2, 2},
        new float[] {2, 2}, 0);
    Path merged = dir.resolve("merged.gguf");

    LoraMerge.merge(List.of(new LoraMerge.Input(q, 1), new LoraMerge.Input(k, 1)), merged);

    try (GgufFile file = GgufFile.open(merged)) {
      assertThat(file.readFloats(file.requireTensor("blk.0.attn_k.weight.lora_a")))
          .containsExactly(0, 0, 0, 2, 2, 2);
      assertThat(file.readFloats(file.requireTensor("blk.0.attn_k.weight.lora_b")))
          .containsExactly(0, 2, 0, 2);
      assertThat(file.readFloats(file.requireTensor("blk.0.attn_q.weight.lora_b")))
          .containsExactly(1, 0, 1, 0);
    }
  }

  @Test
  void adapters_for_different_architectures_are_refused() {
    Path llama = adapter("llama.gguf", "llama", "blk.0.attn_q.weight", 1, new float[3],
        new float[2], 0);
    Path qwen = adapter("qwen.gguf", "qwen2", "blk.0.attn_q.weight", 1, new float[3],
        new float[2], 0);

    assertThatThrownBy(() -> LoraMerge.merge(List.of(new LoraMerge.Input(llama, 1),
        new LoraMerge.Input(qwen, 1)), dir.resolve("merged.gguf")))
        .isInstanceOf(RagftException.class)
        .hasMessage("cannot merge LoRA adapters for different architectures: " + llama
            + " is for llama, " + qwen + " for qwen2");
  }
}
