package dev.ragft.bench.synthetic;

import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Every vector of a synthetic corpus on the heap, searched by scanning them all: the
 * exact answer, and the floor of what any exact search costs (one pass over all the vector bytes,
 * bound by memory bandwidth). Scores are dot products with Lucene's vectorized kernel. Immutable
 * after construction; thread-safe.
 */
public final class FlatVectors {

  private final int dimensions;
  private final float[][] vectors;

  private FlatVectors(int dimensions, float[][] vectors) {
    this.dimensions = dimensions;
    this.vectors = vectors;
  }

  /** Generates every vector of the corpus, in chunk order. */
  public static FlatVectors of(SyntheticCorpus corpus) {
    float[][] vectors = new float[corpus.chunks()][];
    SyntheticCorpus.VectorSource model = corpus.vectors();
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = corpus.vector(model, i);
    }
    return new FlatVectors(corpus.dimensions(), vectors);
  }

  /** The number of vectors. */
  public int count() {
    return vectors.length;
  }

  /**
   * The indexes of the {@code k} vectors with the highest dot product with {@code query}, best
   * first; equal scores go to the lower index.
   */
  public int[] topK(float[] query, int k) {
    if (query.length != dimensions) {
      throw new IllegalArgumentException("query has " + query.length + " dimensions, vectors have "
          + dimensions);
    }
    PriorityQueue<long[]> top = new PriorityQueue<>(k + 1, FlatVectors::worseFirst);
    for (int i = 0; i < vectors.length; i++) {
      float score = VectorUtil.dotProduct(query, vectors[i]);
      if (top.size() < k || score > Float.intBitsToFloat((int) top.peek()[1])) {
        top.add(new long[] {i, Float.floatToIntBits(score)});
        if (top.size() > k) {
          top.poll();
        }
      }
    }
    int[] best = new int[top.size()];
    for (int i = best.length - 1; i >= 0; i--) {
      best[i] = (int) top.poll()[0];
    }
    return best;
  }

  private static int worseFirst(long[] a, long[] b) {
    int byScore = Float.compare(Float.intBitsToFloat((int) a[1]), Float.intBitsToFloat((int) b[1]));
    return byScore != 0 ? byScore : Long.compare(b[0], a[0]);
  }
}
