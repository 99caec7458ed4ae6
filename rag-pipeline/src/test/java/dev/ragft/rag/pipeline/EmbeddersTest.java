package dev.ragft.rag.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.LazyEmbedder;
import dev.ragft.rag.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddersTest {

  private static final String MODEL = "bge-small-en-v1.5-q";

  @TempDir
  Path cache;

  @Test
  void a_model_is_loaded_only_when_an_input_misses_the_cache() {
    float[] first;
    try (Embedders embedders = new Embedders(cache)) {
      Embedder embedder = embedders.get(MODEL);
      assertThat(embedder.spec().dimensions()).isEqualTo(384);
      assertThat(embedders.loaded()).isEmpty();
      first = embedder.embedPassages(List.of("Refunds are possible within 30 days."))[0];
      assertThat(embedders.loaded()).containsExactly(MODEL);
    }
    try (Embedders embedders = new Embedders(cache)) {
      Embedder embedder = embedders.get(MODEL);
      assertThat(embedder.embedPassages(List.of("Refunds are possible within 30 days."))[0])
          .containsExactly(first);
      assertThat(embedder.embed(List.of())).isEmpty();
      assertThat(embedders.loaded()).as("every input came from the cache").isEmpty();
      embedder.embedQuery("a query the cache has never seen");
      assertThat(embedders.loaded()).containsExactly(MODEL);
    }
  }

  @Test
  void an_unknown_model_is_refused_when_asked_for_not_when_used() {
    try (Embedders embedders = new Embedders(null)) {
      assertThatThrownBy(() -> embedders.get("no-such-model"))
          .isInstanceOf(RagftException.class)
          .hasMessageStartingWith("unknown embedding model 'no-such-model'");
    }
  }

  @Test
  void a_closed_lazy_model_is_not_opened_again() {
    LazyEmbedder lazy = new LazyEmbedder(EmbeddingModelSpec.byName(MODEL), OnnxEmbedder::open);
    lazy.close();
    assertThat(lazy.opened()).isFalse();
    assertThatThrownBy(() -> lazy.embedQuery("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("embedding model bge-small-en-v1.5-q is closed");
  }
}
