package dev.ragft.rag.embed;

import org.apache.lucene.util.VectorUtil;

/** Vector arithmetic on float arrays, shared by embedders and rerankers. */
public final class VectorMath {

  private VectorMath() {
  }

  /** Scales the vector to unit L2 norm in place and returns it; a zero vector is left as it is. */
  public static float[] normalize(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    if (sum > 0) {
      float scale = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < vector.length; i++) {
        vector[i] *= scale;
      }
    }
    return vector;
  }

  /** The dot product (Lucene's vectorized kernel); the two vectors must have the same length. */
  public static float dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }
}
