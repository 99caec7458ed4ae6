package dev.ragft.rag.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns texts into unit-length vectors with one model. Implementations are thread-safe; the vectors
 * of {@link #embed} are in the order of the inputs, one per input, each of
 * {@link EmbeddingModelSpec#dimensions()} floats with L2 norm 1 (so dot product is cosine). The
 * query and passage helpers add the model's prefixes; {@link #embed} uses the text as given.
 */
public interface Embedder extends AutoCloseable {

  /** The model these vectors come from. */
  EmbeddingModelSpec spec();

  /** Embeds each input exactly as given (no prefix is added). */
  float[][] embed(List<String> inputs);

  /** Embeds one query, with the model's query prefix. */
  default float[] embedQuery(String query) {
    return embed(List.of(spec().queryPrefix() + query))[0];
  }

  /** Embeds passages, with the model's passage prefix. */
  default float[][] embedPassages(List<String> passages) {
    List<String> inputs = new ArrayList<>(passages.size());
    for (String passage : passages) {
      inputs.add(spec().passagePrefix() + passage);
    }
    return embed(inputs);
  }

  /** Releases native resources; the default does nothing. */
  @Override
  default void close() {
  }
}
