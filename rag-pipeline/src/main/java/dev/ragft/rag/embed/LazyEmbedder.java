package dev.ragft.rag.embed;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An embedder that opens its model on first use. Its spec is known at once, so it can be checked
 * against an index without loading anything; a run whose every input an {@link EmbeddingCache}
 * in front of it answers (re-indexing unchanged or cached text) never pays for loading the model,
 * which for an ONNX model takes longer than embedding a few hundred passages from the cache.
 * Thread-safe: the model is opened once. Closing closes the model if it was opened.
 */
public final class LazyEmbedder implements Embedder {

  private final EmbeddingModelSpec spec;
  private final Function<EmbeddingModelSpec, ? extends Embedder> opener;
  private volatile Embedder model;
  private boolean closed;

  /**
   * A lazily opened model.
   *
   * @param spec the model
   * @param opener opens the model, e.g. {@code OnnxEmbedder::open}; called at most once
   */
  public LazyEmbedder(EmbeddingModelSpec spec,
      Function<EmbeddingModelSpec, ? extends Embedder> opener) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  @Override
  public EmbeddingModelSpec spec() {
    return spec;
  }

  /** Whether the model has been opened. */
  public boolean opened() {
    return model != null;
  }

  @Override
  public float[][] embed(List<String> inputs) {
    if (inputs.isEmpty()) {
      return new float[0][];
    }
    return model().embed(inputs);
  }

  private Embedder model() {
    Embedder opened = model;
    if (opened == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("embedding model " + spec.name() + " is closed");
        }
        if (model == null) {
          model = Objects.requireNonNull(opener.apply(spec), "opened model");
        }
        opened = model;
      }
    }
    return opened;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (model != null) {
      model.close();
    }
  }
}
