package dev.ragft.bench.synthetic;

import java.util.SplittableRandom;

/**
 * Clustered unit vectors shaped like a small sentence-embedding model's. Every vector is
 * {@code mean + centre(cluster) + noise}, normalized: a shared mean direction (embedding models are
 * anisotropic: two unrelated texts still have a cosine around 0.6), a cluster centre per topic, and
 * per-text noise, where centres and noise have a variance that decays over dimensions like a power
 * law (a few directions carry most of the variance, as in real embeddings). With the constants
 * below, a corpus of 5,000 vectors has a mean pairwise cosine of 0.64, a mean nearest-neighbour
 * cosine of 0.82 and a tenth-neighbour cosine of 0.80, and half its variance in 36 principal
 * directions; the same figures for SciFact's bge-small-en-v1.5 vectors are 0.64, 0.85, 0.78 and 35.
 */
final class VectorModel {

  /** Chunks per cluster on average. */
  static final int CHUNKS_PER_CLUSTER = 50;
  private static final double SPECTRUM_EXPONENT = 0.75;
  private static final double MEAN_WEIGHT = 1.0;
  private static final double CENTRE_SCALE = 0.45;
  private static final double CHUNK_NOISE = 0.6;
  private static final double QUERY_NOISE = 0.75;

  private final int dimensions;
  private final float[] mean;
  private final float[] spread;
  private final float[][] centres;

  VectorModel(long seed, int dimensions, int chunks) {
    this.dimensions = dimensions;
    SplittableRandom random = Seeds.random(seed, Seeds.MODEL, 0);
    double[] variance = new double[dimensions];
    double total = 0;
    for (int d = 0; d < dimensions; d++) {
      variance[d] = Math.pow(d + 1, -SPECTRUM_EXPONENT);
      total += variance[d];
    }
    spread = new float[dimensions];
    for (int d = 0; d < dimensions; d++) {
      spread[d] = (float) Math.sqrt(variance[d] / total);
    }
    mean = new float[dimensions];
    double norm = 0;
    for (int d = 0; d < dimensions; d++) {
      mean[d] = (float) random.nextGaussian();
      norm += (double) mean[d] * mean[d];
    }
    for (int d = 0; d < dimensions; d++) {
      mean[d] = (float) (mean[d] * MEAN_WEIGHT / Math.sqrt(norm));
    }
    centres = new float[Math.max(1, chunks / CHUNKS_PER_CLUSTER)][dimensions];
    for (float[] centre : centres) {
      for (int d = 0; d < dimensions; d++) {
        centre[d] = (float) (random.nextGaussian() * spread[d] * CENTRE_SCALE);
      }
    }
  }

  /** The number of clusters. */
  int clusters() {
    return centres.length;
  }

  /** A chunk's vector, drawn from {@code random}. */
  float[] chunk(SplittableRandom random) {
    return draw(random, CHUNK_NOISE);
  }

  /** A query's vector: like a chunk of a random cluster, a little further from its centre. */
  float[] query(SplittableRandom random) {
    return draw(random, QUERY_NOISE);
  }

  private float[] draw(SplittableRandom random, double noise) {
    float[] centre = centres[random.nextInt(centres.length)];
    float[] vector = new float[dimensions];
    double norm = 0;
    for (int d = 0; d < dimensions; d++) {
      vector[d] = (float) (mean[d] + centre[d] + random.nextGaussian() * spread[d] * noise);
      norm += (double) vector[d] * vector[d];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < dimensions; d++) {
      vector[d] *= scale;
    }
    return vector;
  }
}
