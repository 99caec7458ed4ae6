package dev.ragft.rag.pipeline;

import dev.ragft.rag.embed.CachingEmbedder;
import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingCache;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.LazyEmbedder;
import dev.ragft.rag.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens embedding models by name, each behind its on-disk cache when a cache folder is given, and
 * closes them all together. A model's ONNX session is loaded only when an input reaches it
 * ({@link LazyEmbedder}): inputs the cache answers never load it.
 */
public final class Embedders implements AutoCloseable {

  private final Map<String, Embedder> embedders = new LinkedHashMap<>();
  private final Map<String, LazyEmbedder> lazy = new LinkedHashMap<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Path cacheDirectory;

  /** Opens nothing yet; {@code cacheDirectory} may be null for no caching. */
  public Embedders(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  /** The embedder of a model; the model itself is loaded when an input first reaches it. */
  public synchronized Embedder get(String model) {
    Embedder existing = embedders.get(model);
    if (existing != null) {
      return existing;
    }
    EmbeddingModelSpec spec = EmbeddingModelSpec.byName(model);
    LazyEmbedder onnx = new LazyEmbedder(spec, OnnxEmbedder::open);
    resources.add(onnx);
    lazy.put(model, onnx);
    Embedder embedder = onnx;
    if (cacheDirectory != null) {
      EmbeddingCache cache = EmbeddingCache.open(cacheDirectory, spec.name(), spec.dimensions());
      resources.add(cache);
      embedder = new CachingEmbedder(onnx, cache);
    }
    embedders.put(model, embedder);
    return embedder;
  }

  /** The embedders of several models, by name, in the given order. */
  public Map<String, Embedder> get(List<String> models) {
    Map<String, Embedder> out = new LinkedHashMap<>();
    for (String model : models) {
      out.put(model, get(model));
    }
    return out;
  }

  /** The models whose ONNX session has been loaded so far, in the order they were asked for. */
  public synchronized List<String> loaded() {
    return lazy.entrySet().stream().filter(e -> e.getValue().opened()).map(Map.Entry::getKey)
        .toList();
  }

  /** Closes every model and cache opened, the last opened first. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    resources.clear();
    embedders.clear();
    lazy.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
