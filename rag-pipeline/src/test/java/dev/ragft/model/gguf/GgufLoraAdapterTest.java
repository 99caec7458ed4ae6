package dev.ragft.model.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufLoraAdapterTest {

  @TempDir
  Path dir;

  private Path base(String architecture, int dim) {
    Path file = dir.resolve("base-" + architecture + dim + ".gguf");
    new GgufWriter().put("general.architecture", GgufValue.text(architecture))
        .addF32("blk.0.attn_q.weight", new long[] {dim, dim}, new float[dim * dim])
        .addF32("blk.0.attn_k.weight", new long[] {dim, dim / 2}, new float[dim * dim / 2])
        .write(file);
    return file;
  }

  private Path adapter(String name, int in, int out, String tensor) {
    Path file = dir.resolve(name);
    new GgufWriter().put("general.architecture", GgufValue.text("llama"))
        .put("general.type", GgufValue.text("adapter"))
        .put("adapter.type", GgufValue.text("lora"))
        .put("adapter.lora.alpha", GgufValue.float32(16))
        .addF32(tensor + ".lora_a", new long[] {in, 2}, new float[in * 2])
        .addF32(tensor + ".lora_b", new long[] {2, out}, new float[2 * out])
        .write(file);
    return file;
  }

  @Test
  void an_adapter_that_fits_its_base_is_read_with_its_rank_and_alpha() {
    Path adapter = adapter("fits.gguf", 8, 4, "blk.0.attn_k.weight");
    try (GgufFile file = GgufFile.open(adapter); GgufFile base = GgufFile.open(base("llama", 8))) {
      GgufLoraAdapter lora = GgufLoraAdapter.read(file);
      lora.checkBase(base);
      assertThat(lora.alpha()).isEqualTo(16.0);
      assertThat(lora.targets()).singleElement().satisfies(t -> {
        assertThat(t.baseTensor()).isEqualTo("blk.0.attn_k.weight");
        assertThat(t.rank()).isEqualTo(2);
      });
    }
  }

  @Test
  void an_adapter_for_another_base_model_is_named_in_one_sentence() {
    Path wide = adapter("wide.gguf", 16, 16, "blk.0.attn_q.weight");
    Path deep = adapter("deep.gguf", 8, 8, "blk.9.attn_q.weight");
    Path base = base("llama", 8);
    try (GgufFile file = GgufFile.open(wide); GgufFile model = GgufFile.open(base)) {
      assertThatThrownBy(() -> GgufLoraAdapter.read(file).checkBase(model))
          .isInstanceOf(InputException.class)
          .hasMessage(wide + ": has LoRA tensors for \"blk.0.attn_q.weight\" of 16 inputs and 16"
              + " outputs, but in the base model base-llama8.gguf that tensor is [8, 8]; is the"
              + " adapter for another base model?");
    }
    try (GgufFile file = GgufFile.open(deep); GgufFile model = GgufFile.open(base)) {
      assertThatThrownBy(() -> GgufLoraAdapter.read(file).checkBase(model))
          .isInstanceOf(InputException.class)
          .hasMessage(deep + ": adapts tensor \"blk.9.attn_q.weight\", which the base model"
              + " base-llama8.gguf does not have; is the adapter for another base model?");
    }
    try (GgufFile file = GgufFile.open(adapter("q.gguf", 8, 8, "blk.0.attn_q.weight"));
        GgufFile model = GgufFile.open(base("qwen2", 8))) {
      assertThatThrownBy(() -> GgufLoraAdapter.read(file).checkBase(model))
          .hasMessage(dir.resolve("q.gguf") + ": is an adapter for llama models, but the base"
              + " model base-qwen28.gguf is a qwen2 model");
    }
  }

  @Test
  void a_model_is_not_an_adapter() {
    Path base = base("llama", 8);
    try (GgufFile file = GgufFile.open(base)) {
      assertThatThrownBy(() -> GgufLoraAdapter.read(file)).isInstanceOf(InputException.class)
          .hasMessage(base + ": is not a LoRA adapter: its general.type is \"\", not \"adapter\"");
    }
  }
}
