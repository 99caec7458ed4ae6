package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** Checks the statistics {@link VectorModel} documents (all 12.5M pairs of 5,000 vectors). */
class VectorCalibrationIT {

  private final SyntheticCorpus corpus = SyntheticCorpus.of(5000);

  @Test
  void vectors_are_shaped_like_bge_small_vectors_of_scifact() {
    // The figures the VectorModel documents; SciFact's bge-small-en-v1.5 vectors give 0.64,
    // 0.85 and 0.78.
    int n = corpus.chunks();
    SyntheticCorpus.VectorSource model = corpus.vectors();
    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      vectors[i] = corpus.vector(model, i);
      assertThat(VectorUtil.dotProduct(vectors[i], vectors[i])).isCloseTo(1f, within(1e-5f));
    }
    double pairSum = 0;
    double nearest = 0;
    double tenth = 0;
    float[] row = new float[n - 1];
    for (int i = 0; i < n; i++) {
      int at = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          row[at++] = VectorUtil.dotProduct(vectors[i], vectors[j]);
          pairSum += row[at - 1];
        }
      }
      Arrays.sort(row);
      nearest += row[n - 2];
      tenth += row[n - 11];
    }
    assertThat(pairSum / ((double) n * (n - 1))).isCloseTo(0.64, within(0.02));
    assertThat(nearest / n).isCloseTo(0.82, within(0.02));
    assertThat(tenth / n).isCloseTo(0.80, within(0.02));
  }
}
