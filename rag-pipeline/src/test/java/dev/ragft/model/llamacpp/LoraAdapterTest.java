package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.model.TestLoras;
import dev.ragft.model.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LoRA adapters in llama.cpp's GGUF layout, applied to stories260K for real. */
class LoraAdapterTest {

  private static final String PROMPT = "Once upon a time";

  @TempDir
  Path folder;

  private static String generate(Path model, List<LoraAdapter> adapters) {
    try (LlamaCppModel loaded = LlamaCppModel.load(LlamaCppConfig.of(model).withContextSize(256)
        .withThreads(1).withAdapters(adapters))) {
      return loaded.generate(PROMPT, Sampling.DEFAULTS.toBuilder().maxTokens(30).build(),
          text -> { }).text();
    }
  }

  @Test
  void an_adapter_with_a_zero_update_leaves_the_output_unchanged() throws Exception {
    Path zero = TestLoras.forStories(folder.resolve("zero.gguf"), 0.5f, 0.0f);
    Path model = TestModels.stories260K();

    assertThat(generate(model, List.of(LoraAdapter.of(zero))))
        .isEqualTo(generate(model, List.of()));
  }

  @Test
  void an_adapter_changes_the_output_and_its_scale_is_applied() throws Exception {
    Path strong = TestLoras.forStories(folder.resolve("strong.gguf"), 0.5f, 0.5f);
    Path model = TestModels.stories260K();
    String base = generate(model, List.of());

    assertThat(generate(model, List.of(LoraAdapter.of(strong)))).isNotEqualTo(base);
    assertThat(generate(model, List.of(new LoraAdapter(strong, 0.0)))).isEqualTo(base);
  }

  @Test
  void more_than_one_adapter_is_refused_with_the_reason() throws Exception {
    Path one = TestLoras.forStories(folder.resolve("one.gguf"), 0.5f, 0.0f);
    Path two = TestLoras.forStories(folder.resolve("two.gguf"), 0.5f, 0.0f);

    assertThatThrownBy(() -> generate(TestModels.stories260K(),
        List.of(LoraAdapter.of(one), LoraAdapter.of(two))))
        .isInstanceOf(RagftException.class)
        .hasMessage("the bundled llama.cpp binding (de.kherud:llama 4.2.0) applies at most one"
            + " LoRA adapter, but 2 were given; merge them into one, or serve the model through"
            + " llama.cpp's own server and the openai-compatible provider");
  }

  @Test
  void parses_the_adapter_option() {
    assertThat(LoraAdapter.parse("a/b.gguf")).isEqualTo(new LoraAdapter(Path.of("a/b.gguf"), 1));
    assertThat(LoraAdapter.parse("a/b.gguf=0.25"))
        .isEqualTo(new LoraAdapter(Path.of("a/b.gguf"), 0.25));
    assertThat(LoraAdapter.parse("a/x=y.gguf")).isEqualTo(LoraAdapter.of(Path.of("a/x=y.gguf")));
  }
}
