package dev.ragft.finetune.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import dev.ragft.common.InputException;
import dev.ragft.finetune.local.LoraTarget;
import dev.ragft.finetune.local.TokenizedExample;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufValue;
import dev.ragft.model.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalsTest {

  @TempDir
  Path dir;

  private static TokenizedExample example(int length, int trainedFrom) {
    int[] tokens = new int[length];
    boolean[] trained = new boolean[length];
    for (int i = 0; i < length; i++) {
      tokens[i] = 10 + i;
      trained[i] = i >= trainedFrom;
    }
    return new TokenizedExample(tokens, trained);
  }

  @Test
  void batches_visit_every_example_once_per_epoch_in_a_seeded_order() {
    List<TokenizedExample> examples = List.of(example(3, 1), example(4, 2), example(5, 4),
        example(2, 1), example(6, 5));
    Batches batches = new Batches(examples, 2, 11);
    Batches again = new Batches(examples, 2, 11);
    Set<Long> inputLengths = new HashSet<>();
    for (int g = 0; g < 3; g++) {
      Batches.Batch batch = batches.batch(g);
      long time = batch.shape().get(1);
      for (int row = 0; row < batch.shape().get(0); row++) {
        inputLengths.add(Arrays.stream(batch.inputs(), (int) (row * time), (int) ((row + 1) * time))
            .filter(token -> token != 0).count());
      }
      assertThat(batch.inputs()).containsExactly(again.batch(g).inputs());
    }
    assertThat(inputLengths).containsExactlyInAnyOrder(2L, 3L, 4L, 1L, 5L);
    assertThat(batches.batch(2).shape().get(0)).isEqualTo(1);
    long examplesSeen = 0;
    for (int g = 0; g < 3; g++) {
      examplesSeen += batches.batch(g).shape().get(0);
    }
    assertThat(examplesSeen).isEqualTo(5);
    assertThat(Arrays.equals(batches.batch(0).inputs(), batches.batch(3).inputs())
        && Arrays.equals(batches.batch(1).inputs(), batches.batch(4).inputs())).isFalse();
    assertThat(Arrays.equals(new Batches(examples, 2, 12).batch(0).inputs(),
        batches.batch(0).inputs()) && Arrays.equals(new Batches(examples, 2, 12).batch(1).inputs(),
        batches.batch(1).inputs())).isFalse();
  }

  @Test
  void a_batch_shifts_targets_pads_and_masks_untrained_tokens() {
    Batches batches = new Batches(List.of(example(3, 2), example(5, 1)), 2, 1);
    Batches.Batch batch = batches.batch(0);
    assertThat(batch.shape().getShape()).containsExactly(2, 4);
    int shortRow = batch.inputs()[0] == 10 && batch.inputs()[2] == 0 ? 0 : 1;
    long[] in = Arrays.copyOfRange(batch.inputs(), shortRow * 4, shortRow * 4 + 4);
    long[] out = Arrays.copyOfRange(batch.targets(), shortRow * 4, shortRow * 4 + 4);
    float[] mask = Arrays.copyOfRange(batch.mask(), shortRow * 4, shortRow * 4 + 4);
    assertThat(in).containsExactly(10, 11, 0, 0);
    assertThat(out).containsExactly(11, 12, 0, 0);
    assertThat(mask).containsExactly(0, 1, 0, 0);
    assertThat(batch.trainedTokens()).isEqualTo(1 + 4);
    assertThat(batch.tokens()).isEqualTo(2 + 4);
  }

  @Test
  void safetensors_round_trip_and_a_cut_file_is_named() throws IOException {
    Path file = dir.resolve("t.safetensors");
    Map<String, Safetensors.Tensor> tensors = Map.of(
        "b", new Safetensors.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
        "a", new Safetensors.Tensor(new long[] {1}, new float[] {-0.5f}));
    Safetensors.write(file, tensors, Map.of("format", "pt"));
    Map<String, Safetensors.Tensor> read = Safetensors.read(file);
    assertThat(read.keySet()).containsExactly("a", "b");
    assertThat(read.get("b").values()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(read.get("b").shape()).containsExactly(2, 3);
    byte[] bytes = Files.readAllBytes(file);
    int headerLength = bytes[0] & 0xFF;
    assertThat(headerLength % 8).isZero();
    assertThat(bytes[8 + headerLength - 1]).isEqualTo((byte) ' ');
    Path cut = dir.resolve("cut.safetensors");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 4));
    assertThatThrownBy(() -> Safetensors.read(cut)).isInstanceOf(InputException.class)
        .hasMessage(cut + ": field \"b\" is truncated: its data ends at byte " + bytes.length
            + ", but the file has " + (bytes.length - 4));
  }

  @Test
  void the_llama_q_k_row_permutation_maps_rotary_pairs_and_inverts() {
    ModelSpec spec = new ModelSpec("llama", 8, 1, 2, 1, 4, 16, 32, 1e-5f, 10000, RopeStyle.INTERLEAVED,
        false, false);
    int r = 1;
    float[] gguf = new float[8];
    for (int i = 0; i < 8; i++) {
      gguf[i] = i;
    }
    float[] hf = AdapterFiles.permuteRows(spec, LoraTarget.Q, gguf, r, true);
    // per head of 4 rows: GGUF pairs (0,1) (2,3) become HF rows (0,2) (1,3)
    assertThat(hf).containsExactly(0, 2, 1, 3, 4, 6, 5, 7);
    assertThat(AdapterFiles.permuteRows(spec, LoraTarget.Q, hf, r, false)).containsExactly(gguf);
    assertThat(AdapterFiles.permuteRows(spec, LoraTarget.K, new float[] {0, 1, 2, 3}, r, true))
        .containsExactly(0, 2, 1, 3);
    assertThat(AdapterFiles.permuteRows(spec, LoraTarget.V, gguf, r, true)).isSameAs(gguf);
    ModelSpec qwen = new ModelSpec("qwen2", 8, 1, 2, 1, 4, 16, 32, 1e-6f, 1e6f, RopeStyle.NEOX,
        true, true);
    assertThat(AdapterFiles.permuteRows(qwen, LoraTarget.Q, gguf, r, true)).isSameAs(gguf);
  }

  @Test
  void an_unsupported_architecture_is_named_with_the_file() {
    Path file = dir.resolve("gpt2.gguf");
    new GgufWriter().put("general.architecture", GgufValue.text("gpt2")).write(file);
    try (GgufFile gguf = GgufFile.open(file)) {
      assertThatThrownBy(() -> ModelSpec.of(gguf)).isInstanceOf(InputException.class)
          .hasMessage(file + ": is a gpt2 model, an architecture the local trainer cannot build"
              + " (it builds llama and qwen2)");
    }
  }

  @Test
  void the_engine_is_pytorch_from_the_class_path_in_offline_mode() {
    Engine engine = TorchRuntime.engine();
    assertThat(TorchRuntime.offline()).isTrue();
    assertThat(engine.getEngineName()).isEqualTo("PyTorch");
    assertThat(engine.getVersion()).isEqualTo("2.7.1");
    Path libraries = Path.of(LibUtils.getLibtorchPath());
    // The folder is named from native/lib/pytorch.properties inside pytorch-native-cpu's jar, and
    // the JNI library from pytorch-jni's jar; DJL's downloads would name them differently.
    assertThat(libraries.getFileName().toString()).startsWith("2.7.1-20250812-cpu-");
    assertThat(libraries.resolve("0.35.1-libdjl_torch.so")).exists();
  }
}
