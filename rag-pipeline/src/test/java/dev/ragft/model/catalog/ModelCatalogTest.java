package dev.ragft.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  @Test
  void the_bundled_catalogue_pins_the_default_and_the_smoke_model() {
    ModelCatalog catalog = ModelCatalog.bundled();

    assertThat(catalog.defaultEntry().id()).isEqualTo("qwen2.5-0.5b-instruct-q4_k_m");
    assertThat(catalog.defaultEntry().sha256())
        .isEqualTo("74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db");
    assertThat(catalog.defaultEntry().size()).isEqualTo(491_400_032L);
    assertThat(catalog.find("stories260k")).hasValueSatisfying(smoke -> {
      assertThat(smoke.smoke()).isTrue();
      assertThat(smoke.size()).isEqualTo(1_185_376L);
      assertThat(smoke.sha256())
          .isEqualTo("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d");
      assertThat(smoke.license()).isEqualTo("MIT");
      assertThat(smoke.label()).startsWith("SMOKE MODEL, its answers mean nothing");
    });
    assertThat(catalog.models()).allSatisfy(entry -> {
      assertThat(entry.url().getScheme()).isEqualTo("https");
      assertThat(entry.url().getPath()).contains("/resolve/").endsWith("/" + entry.file());
    });
  }

  @Test
  void an_entry_with_a_bad_checksum_is_rejected() {
    assertThatThrownBy(() -> new CatalogEntry("m", "d", "m.gguf", URI.create("https://x/m.gguf"),
        1, "ABC", "MIT", false))
        .hasMessage("model m: sha256 must be 64 lower-case hex digits, but is: ABC");
  }

  @Test
  void a_default_that_is_not_listed_is_rejected() {
    assertThatThrownBy(() -> new ModelCatalog("absent", List.of()))
        .hasMessage("the default model absent is not listed");
  }
}
