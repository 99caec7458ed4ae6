package dev.ragft.model.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads the real stories260K model from the shared test folder. */
class GgufStoriesTest {

  static Path stories() {
    String shared = System.getProperty("ragft.shared.dir", "../shared");
    Path model = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model),
        "skipped: " + model + " is absent (set -Dragft.shared.dir to the shared test folder)");
    return model;
  }

  @Test
  void stories260k_header_and_tensors_read_as_llama_cpp_reports_them() {
    try (GgufFile gguf = GgufFile.open(stories())) {
      assertThat(gguf.version()).isEqualTo(3);
      assertThat(gguf.architecture()).isEqualTo("llama");
      assertThat(gguf.metadata()).hasSize(19);
      assertThat(gguf.tensors()).hasSize(48);
      assertThat(gguf.integer("llama.embedding_length")).isEqualTo(64);
      assertThat(gguf.integer("llama.attention.head_count_kv")).isEqualTo(4);
      assertThat(gguf.optReal("llama.attention.layer_norm_rms_epsilon")).contains((double) 1e-5f);
      assertThat(gguf.value("tokenizer.ggml.tokens").orElseThrow())
          .isInstanceOfSatisfying(GgufValue.Array.class, a -> assertThat(a.values()).hasSize(512));
      GgufTensorInfo embd = gguf.requireTensor("token_embd.weight");
      assertThat(embd.dimensions()).containsExactly(64, 512);
      assertThat(embd.type()).isEqualTo(GgmlType.F32);
      assertThat(gguf.dataOffset()).isEqualTo(14176);
      float[] values = gguf.readFloats(embd);
      FloatBuffer raw = gguf.tensorBytes(embd).asFloatBuffer();
      assertThat(values).hasSize(64 * 512);
      assertThat(values[0]).isEqualTo(raw.get(0));
      assertThat(values[values.length - 1]).isEqualTo(raw.get(values.length - 1));
    }
  }
}
