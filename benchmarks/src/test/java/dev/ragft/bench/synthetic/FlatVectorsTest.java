package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class FlatVectorsTest {

  @Test
  void top_k_equals_a_full_sort_of_every_score() {
    SyntheticCorpus corpus = SyntheticCorpus.of(3000);
    FlatVectors flat = FlatVectors.of(corpus);
    SyntheticCorpus.VectorSource model = corpus.vectors();
    float[][] vectors = IntStream.range(0, corpus.chunks())
        .mapToObj(i -> corpus.vector(model, i)).toArray(float[][]::new);
    for (SyntheticQuery query : corpus.queries(20)) {
      List<Integer> reference = IntStream.range(0, vectors.length).boxed()
          .sorted(Comparator.comparingDouble(
                  (Integer i) -> -VectorUtil.dotProduct(query.vector(), vectors[i]))
              .thenComparingInt(i -> i))
          .limit(10).toList();
      assertThat(IntStream.of(flat.topK(query.vector(), 10)).boxed().toList())
          .isEqualTo(reference);
    }
  }

  @Test
  void equal_scores_go_to_the_lower_index() {
    SyntheticCorpus corpus = SyntheticCorpus.of(50);
    FlatVectors flat = FlatVectors.of(corpus);
    float[] zero = new float[corpus.dimensions()];
    assertThat(flat.topK(zero, 5)).containsExactly(0, 1, 2, 3, 4);
  }
}
