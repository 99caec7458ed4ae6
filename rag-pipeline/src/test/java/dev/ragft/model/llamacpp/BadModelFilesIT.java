package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.model.TestLoras;
import dev.ragft.model.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken models and adapters give one sentence naming the file, never a crash. */
class BadModelFilesIT {

  @TempDir
  Path folder;

  private static LlamaCppConfig config(Path model) {
    return LlamaCppConfig.of(model).withContextSize(256).withThreads(1);
  }

  @Test
  void a_truncated_model_is_named_with_the_tensor_that_runs_past_its_end() throws Exception {
    Path truncated = TestModels.truncated(folder, (int) (TestModels.STORIES_SIZE / 2));

    assertThatThrownBy(() -> LlamaCppModel.load(config(truncated)))
        .isInstanceOf(InputException.class)
        .hasMessage(truncated + ": is truncated or corrupt: the data of tensor"
            + " 'blk.1.ffn_down.weight' runs past the end of the file; download it again");
  }

  @Test
  void a_model_cut_inside_its_header_is_truncated() throws Exception {
    Path truncated = TestModels.truncated(folder, 10);

    assertThatThrownBy(() -> LlamaCppModel.load(config(truncated)))
        .isInstanceOf(InputException.class)
        .hasMessage(truncated + ": is truncated: 10 bytes is too short to hold even a GGUF"
            + " header");
  }

  @Test
  void a_file_that_is_not_gguf_is_named() throws Exception {
    Path text = Files.writeString(folder.resolve("notes.gguf"), "hello, this is not a model");

    assertThatThrownBy(() -> LlamaCppModel.load(config(text)))
        .isInstanceOf(InputException.class)
        .hasMessage(text + ": is not a GGUF model file (it starts with the bytes 68 65 6c 6c,"
            + " not \"GGUF\")");
  }

  @Test
  void a_missing_model_is_named() {
    Path missing = folder.resolve("absent.gguf");

    assertThatThrownBy(() -> LlamaCppModel.load(config(missing)))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": the model file does not exist");
  }

  @Test
  void an_unknown_architecture_is_named() throws Exception {
    Path model = TestModels.unknownArchitecture(folder);

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)))
        .isInstanceOf(InputException.class)
        .hasMessage(model + ": has architecture 'zzzzz', which the bundled llama.cpp (b4916)"
            + " does not support");
  }

  @Test
  void an_unknown_quantization_is_named() throws Exception {
    Path model = TestModels.unknownTensorType(folder);

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)))
        .isInstanceOf(InputException.class)
        .hasMessage(model + ": stores tensor 'token_embd.weight' in type 99, a quantization the"
            + " bundled llama.cpp (b4916) does not support");
  }

  @Test
  void a_missing_adapter_is_named() {
    Path adapter = folder.resolve("absent-lora.gguf");

    assertThatThrownBy(() -> LlamaCppModel.load(config(TestModels.stories260K())
        .withAdapters(List.of(LoraAdapter.of(adapter)))))
        .isInstanceOf(InputException.class)
        .hasMessage(adapter + ": the LoRA adapter file does not exist");
  }

  @Test
  void an_adapter_that_is_not_gguf_is_named() throws Exception {
    Path adapter = Files.write(folder.resolve("lora.gguf"),
        "PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> LlamaCppModel.load(config(TestModels.stories260K())
        .withAdapters(List.of(LoraAdapter.of(adapter)))))
        .isInstanceOf(InputException.class)
        .hasMessage(adapter + ": is not a GGUF LoRA adapter file (it starts with the bytes"
            + " 50 4b 03 04, not \"GGUF\")");
  }

  @Test
  void a_full_model_given_as_adapter_is_named() {
    Path model = TestModels.stories260K();

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)
        .withAdapters(List.of(new LoraAdapter(model, 0.5)))))
        .isInstanceOf(InputException.class)
        .hasMessage(model + ": is not a LoRA adapter: its general.type is missing, not"
            + " 'adapter' (is it a full model?)");
  }

  @Test
  void an_adapter_for_another_architecture_is_named() throws Exception {
    Path adapter = TestLoras.write(folder.resolve("qwen-lora.gguf"), "qwen2",
        "blk.0.attn_q.weight", 64, 64, 4, 0.1f, 0.1f);
    Path model = TestModels.stories260K();

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)
        .withAdapters(List.of(LoraAdapter.of(adapter)))))
        .isInstanceOf(InputException.class)
        .hasMessage(adapter + ": is a LoRA adapter for a different architecture than the model "
            + model);
  }

  @Test
  void an_adapter_for_a_model_of_another_size_is_named() throws Exception {
    Path adapter = TestLoras.write(folder.resolve("wide-lora.gguf"), "llama",
        "blk.0.attn_q.weight", 128, 128, 4, 0.1f, 0.1f);
    Path model = TestModels.stories260K();

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)
        .withAdapters(List.of(LoraAdapter.of(adapter)))))
        .isInstanceOf(InputException.class)
        .hasMessage(adapter + ": is a LoRA adapter for another base model: its tensor"
            + " 'blk.0.attn_q.weight' does not fit the model " + model);
  }

  @Test
  void an_adapter_for_a_layer_the_model_lacks_is_named() throws Exception {
    Path adapter = TestLoras.write(folder.resolve("deep-lora.gguf"), "llama",
        "blk.30.attn_q.weight", 64, 64, 4, 0.1f, 0.1f);
    Path model = TestModels.stories260K();

    assertThatThrownBy(() -> LlamaCppModel.load(config(model)
        .withAdapters(List.of(LoraAdapter.of(adapter)))))
        .isInstanceOf(InputException.class)
        .hasMessage(adapter + ": is a LoRA adapter for another base model: the model " + model
            + " has no tensor 'blk.30.attn_q.weight'");
  }
}
