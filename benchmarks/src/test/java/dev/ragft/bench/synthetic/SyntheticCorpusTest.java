package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ragft.rag.chunk.Chunk;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

  private final SyntheticCorpus corpus = SyntheticCorpus.of(5000);

  @Test
  void a_chunk_is_the_same_whatever_was_generated_before() {
    SyntheticCorpus.VectorSource model = corpus.vectors();
    String text = corpus.text(4321);
    float[] vector = corpus.vector(model, 4321);
    corpus.text(17);
    corpus.vector(model, 17);
    assertThat(corpus.text(4321)).isEqualTo(text);
    assertThat(corpus.vector(corpus.vectors(), 4321)).containsExactly(vector);
    assertThat(SyntheticCorpus.of(5000).text(4321)).isEqualTo(text);
  }

  @Test
  void another_seed_gives_another_corpus() {
    SyntheticCorpus other = new SyntheticCorpus(5000, 1, SyntheticCorpus.DEFAULT_DIMENSIONS);
    assertThat(other.text(3)).isNotEqualTo(corpus.text(3));
    assertThat(other.vector(other.vectors(), 3)).isNotEqualTo(corpus.vector(corpus.vectors(), 3));
    assertThat(other.key()).isNotEqualTo(corpus.key());
  }

  @Test
  void chunks_are_one_per_document_with_40_to_200_words() {
    for (int i = 0; i < 200; i++) {
      Chunk chunk = corpus.chunk(i);
      assertThat(chunk.id()).isEqualTo("d" + i + "#0");
      assertThat(chunk.text().split(" ")).hasSizeBetween(40, 200);
      assertThat(chunk.text()).endsWith(".");
    }
  }

  @Test
  void queries_are_distinct_three_to_six_word_texts_with_unit_vectors() {
    List<SyntheticQuery> queries = corpus.queries(500);
    assertThat(new HashSet<>(queries.stream().map(SyntheticQuery::text).toList())).hasSize(500);
    for (SyntheticQuery query : queries) {
      assertThat(query.text().split(" ")).hasSizeBetween(3, 6);
      assertThat(VectorUtil.dotProduct(query.vector(), query.vector())).isCloseTo(1f,
          within(1e-5f));
    }
    assertThat(corpus.queries(10)).extracting(SyntheticQuery::text)
        .containsExactlyElementsOf(queries.subList(0, 10).stream()
            .map(SyntheticQuery::text).toList());
  }

  @Test
  void bad_sizes_and_indexes_are_refused() {
    assertThatThrownBy(() -> SyntheticCorpus.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a synthetic corpus needs >= 1 chunk, but has: 0");
    assertThatThrownBy(() -> corpus.text(5000))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("chunk 5000 of a corpus of 5000");
  }
}
