package dev.ragft.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

  @TempDir
  Path dir;

  @Test
  void vectors_survive_reopening_and_are_keyed_by_exact_input() {
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 3)) {
      cache.put("alpha", new float[] {1, 2, 3});
      cache.put("beta", new float[] {4, 5, 6});
      cache.put("alpha", new float[] {9, 9, 9});
    }
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 3)) {
      assertThat(cache.size()).isEqualTo(2);
      assertThat(cache.get("alpha")).containsExactly(1, 2, 3);
      assertThat(cache.get("beta")).containsExactly(4, 5, 6);
      assertThat(cache.get("Alpha")).isNull();
    }
    try (EmbeddingCache other = EmbeddingCache.open(dir, "other", 3)) {
      assertThat(other.get("alpha")).isNull();
    }
  }

  @Test
  void a_torn_last_record_is_cut_off_on_open() throws IOException {
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 2)) {
      cache.put("a", new float[] {1, 1});
      cache.put("b", new float[] {2, 2});
    }
    Path file = dir.resolve("m-2.bin");
    long whole = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(whole - 3);
    }
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 2)) {
      assertThat(cache.size()).isEqualTo(1);
      assertThat(cache.get("a")).containsExactly(1, 1);
      assertThat(cache.get("b")).isNull();
      cache.put("b", new float[] {3, 3});
    }
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 2)) {
      assertThat(cache.get("b")).containsExactly(3, 3);
    }
  }

  @Test
  void a_second_opener_in_the_same_process_is_read_only() {
    try (EmbeddingCache first = EmbeddingCache.open(dir, "m", 1)) {
      first.put("x", new float[] {7});
      try (EmbeddingCache second = EmbeddingCache.open(dir, "m", 1)) {
        assertThat(second.writable()).isFalse();
        assertThat(second.get("x")).containsExactly(7);
        second.put("y", new float[] {8});
        assertThat(second.get("y")).isNull();
      }
    }
  }

  @Test
  void a_file_of_other_dimensions_is_refused() throws IOException {
    Files.writeString(dir.resolve("m-4.bin"), "not a cache at all");
    assertThatThrownBy(() -> EmbeddingCache.open(dir, "m", 4))
        .isInstanceOf(RagftException.class)
        .hasMessageEndingWith("m-4.bin is not a ragft cache of 4-dimensional vectors; delete it");
  }

  @Test
  void caching_embedder_runs_the_model_only_on_unseen_inputs() {
    try (EmbeddingCache cache = EmbeddingCache.open(dir, "bge", 384);
        OnnxEmbedder model = OnnxEmbedder.open(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q)) {
      CachingEmbedder embedder = new CachingEmbedder(model, cache);
      float[][] first = embedder.embedPassages(List.of("one", "two"));
      float[][] second = embedder.embedPassages(List.of("two", "three", "one"));
      assertThat(embedder.misses()).isEqualTo(3);
      assertThat(embedder.hits()).isEqualTo(2);
      assertThat(second[0]).containsExactly(first[1]);
      assertThat(second[2]).containsExactly(first[0]);
    }
  }
}
