package dev.ragft.rag.retrieve;

import java.util.List;

/**
 * Pseudo-relevance feedback for dense lists (Rocchio on vectors): after a first fused ranking,
 * the vectors of its top {@code docs} chunks are averaged and mixed into each dense model's query
 * vector, {@code q' = queryWeight * q + (1 - queryWeight) * mean(seeds)}, scaled back to unit
 * length; every dense list is searched again with {@code q'} and the lists are fused once more.
 * Lexical lists keep their first ranking. The top chunk of a hybrid ranking is usually relevant,
 * and its vector speaks the corpus' vocabulary where a short query does not.
 *
 * @param docs how many top fused chunks feed back; 0 turns feedback off
 * @param queryWeight the query vector's share of the new vector, in [0, 1]
 */
public record VectorFeedback(int docs, double queryWeight) {

  /** No feedback. */
  public static final VectorFeedback OFF = new VectorFeedback(0, 1.0);

  /**
   * The share of the query vector chosen on SciFact's train split (with one feedback chunk; see
   * docs/retrieval.md).
   */
  public static final double DEFAULT_QUERY_WEIGHT = 0.8;

  /** Validates the components. */
  public VectorFeedback {
    if (docs < 0) {
      throw new IllegalArgumentException("feedback chunks must be >= 0, but is: " + docs);
    }
    if (!(queryWeight >= 0 && queryWeight <= 1)) {
      throw new IllegalArgumentException("the query's weight in feedback must be in [0, 1], "
          + "but is: " + queryWeight);
    }
  }

  /**
   * Feedback as configured: {@link #OFF} for 0 chunks, else {@code docs} chunks at the given
   * query weight or the default one.
   *
   * @param docs how many top fused chunks feed back, 0 for none
   * @param queryWeight the query's share, or null for {@link #DEFAULT_QUERY_WEIGHT}
   * @throws IllegalArgumentException when a weight is given without feedback chunks
   */
  public static VectorFeedback of(int docs, Double queryWeight) {
    if (docs == 0) {
      if (queryWeight != null) {
        throw new IllegalArgumentException("a feedback weight (" + queryWeight + ") needs "
            + "feedback chunks (1 or more), but there are 0");
      }
      return OFF;
    }
    return new VectorFeedback(docs, queryWeight == null ? DEFAULT_QUERY_WEIGHT : queryWeight);
  }

  /** Whether there is feedback at all. */
  public boolean enabled() {
    return docs > 0;
  }

  /**
   * The query vector moved towards the seeds' centroid and scaled to unit length; the query
   * itself (a copy) when there are no seeds or the mix is the zero vector.
   *
   * @param query the query vector
   * @param seeds the feedback chunks' vectors, each as long as the query
   */
  public float[] expand(float[] query, List<float[]> seeds) {
    if (seeds.isEmpty()) {
      return query.clone();
    }
    double[] mixed = new double[query.length];
    double seedWeight = (1 - queryWeight) / seeds.size();
    for (float[] seed : seeds) {
      if (seed.length != query.length) {
        throw new IllegalArgumentException("a feedback vector has " + seed.length
            + " dimensions, but the query has " + query.length);
      }
      for (int i = 0; i < mixed.length; i++) {
        mixed[i] += seedWeight * seed[i];
      }
    }
    double norm = 0;
    for (int i = 0; i < mixed.length; i++) {
      mixed[i] += queryWeight * query[i];
      norm += mixed[i] * mixed[i];
    }
    if (norm == 0) {
      return query.clone();
    }
    double scale = 1 / Math.sqrt(norm);
    float[] expanded = new float[mixed.length];
    for (int i = 0; i < mixed.length; i++) {
      expanded[i] = (float) (mixed[i] * scale);
    }
    return expanded;
  }

  /** A short description, as in retriever names: {@code feedback 1 chunk at 0.8}. */
  public String describe() {
    return "feedback " + docs + (docs == 1 ? " chunk" : " chunks") + " at " + queryWeight;
  }
}
