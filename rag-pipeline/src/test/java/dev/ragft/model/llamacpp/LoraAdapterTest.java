package dev.ragft.model.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

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
  void alpha_scales_an_adapter_by_alpha_over_rank() throws Exception {
    Path strong = TestLoras.forStories(folder.resolve("strong.gguf"), 0.5f, 0.5f);
    // Rank 4, alpha 8: B of 0.25 applied twice over is B of 0.5 applied once.
    Path alpha = TestLoras.forStories(folder.resolve("alpha.gguf"), 0.5f, 0.25f, 8f);
    Path model = TestModels.stories260K();

    assertThat(generate(model, List.of(LoraAdapter.of(alpha))))
        .isEqualTo(generate(model, List.of(LoraAdapter.of(strong))));
  }

  @Test
  void several_adapters_apply_as_one_merged_adapter_with_their_scales() throws Exception {
    Path zero = TestLoras.forStories(folder.resolve("zero.gguf"), 0.5f, 0.0f);
    Path strong = TestLoras.forStories(folder.resolve("strong.gguf"), 0.5f, 0.5f);
    Path doubled = TestLoras.forStories(folder.resolve("doubled.gguf"), 0.5f, 1.0f);
    Path alpha = TestLoras.forStories(folder.resolve("alpha.gguf"), 0.5f, 0.25f, 8f);
    Path model = TestModels.stories260K();
    String once = generate(model, List.of(LoraAdapter.of(strong)));
    String twice = generate(model, List.of(LoraAdapter.of(doubled)));
    assertThat(twice).isNotEqualTo(once);

    assertThat(generate(model, List.of(LoraAdapter.of(zero), LoraAdapter.of(strong))))
        .isEqualTo(once);
    assertThat(generate(model, List.of(new LoraAdapter(strong, 0.5),
        new LoraAdapter(alpha, 0.5)))).isEqualTo(once);
    assertThat(generate(model, List.of(LoraAdapter.of(strong), LoraAdapter.of(alpha))))
        .isEqualTo(twice);
  }

  @Test
  void parses_the_adapter_option() {
    assertThat(LoraAdapter.parse("a/b.gguf")).isEqualTo(new LoraAdapter(Path.of("a/b.gguf"), 1));
    assertThat(LoraAdapter.parse("a/b.gguf=0.25"))
        .isEqualTo(new LoraAdapter(Path.of("a/b.gguf"), 0.25));
    assertThat(LoraAdapter.parse("a/x=y.gguf")).isEqualTo(LoraAdapter.of(Path.of("a/x=y.gguf")));
  }
}
