package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.model.TestModels;
import dev.ragft.model.gguf.GgufFile;
import dev.ragft.model.gguf.GgufValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ragft reads from a model's GGUF metadata, through the GGUF reader. */
class ModelInfoTest {

  @TempDir
  Path folder;

  private static ModelInfo info(Path model) {
    try (GgufFile gguf = GgufFile.open(model)) {
      return ModelInfo.read(gguf);
    }
  }

  @Test
  void stories260k_is_a_llama_without_a_template_that_gets_a_bos_by_default() {
    assertThat(info(TestModels.stories260K())).isEqualTo(new ModelInfo("llama", null, true));
  }

  @Test
  void an_added_chat_template_is_read_exactly() {
    Path model = TestModels.storiesWithTemplate(folder, "{{ messages }}");

    assertThat(info(model).template()).hasValue("{{ messages }}");
  }

  @Test
  void an_explicit_add_bos_token_wins_over_the_vocabulary_default() {
    Path model = folder.resolve("no-bos.gguf");
    TestModels.storiesCopy().put("tokenizer.ggml.add_bos_token", new GgufValue.Bool(false))
        .write(model);

    assertThat(info(model)).isEqualTo(new ModelInfo("llama", null, false));
  }
}
