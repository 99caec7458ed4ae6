package dev.ragft.rag.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Embedder} that answers from an {@link EmbeddingCache} where it can and runs the model
 * only on the inputs it has not seen, storing their vectors. Closing it closes neither the model
 * nor the cache: their owner does.
 */
public final class CachingEmbedder implements Embedder {

  private final Embedder model;
  private final EmbeddingCache cache;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** Wraps a model with a cache of that model's vectors. */
  public CachingEmbedder(Embedder model, EmbeddingCache cache) {
    this.model = Objects.requireNonNull(model, "model");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public EmbeddingModelSpec spec() {
    return model.spec();
  }

  @Override
  public float[][] embed(List<String> inputs) {
    float[][] vectors = new float[inputs.size()][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      vectors[i] = cache.get(inputs.get(i));
      if (vectors[i] == null) {
        missing.add(i);
      }
    }
    hits.addAndGet(inputs.size() - missing.size());
    misses.addAndGet(missing.size());
    if (!missing.isEmpty()) {
      List<String> todo = new ArrayList<>(missing.size());
      for (int i : missing) {
        todo.add(inputs.get(i));
      }
      float[][] computed = model.embed(todo);
      for (int k = 0; k < computed.length; k++) {
        int i = missing.get(k);
        vectors[i] = computed[k];
        cache.put(inputs.get(i), computed[k]);
      }
    }
    return vectors;
  }

  /** How many inputs were answered from the cache. */
  public long hits() {
    return hits.get();
  }

  /** How many inputs went through the model. */
  public long misses() {
    return misses.get();
  }
}
