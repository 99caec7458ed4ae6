package dev.ragft.bench.synthetic;

import dev.ragft.rag.embed.Embedder;
import dev.ragft.rag.embed.EmbeddingModelSpec;
import dev.ragft.rag.embed.Pooling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "model" of a synthetic corpus: it knows the vector of every benchmark query by its text.
 * Given a real model, it also embeds a real query with that model for every query it answers, and
 * throws the result away, so that a retrieval measured through it pays the real query-embedding
 * cost while searching the synthetic vectors. Passages are not embedded here: their vectors come
 * from the index or from an {@link dev.ragft.rag.embed.EmbeddingCache} filled when the corpus was
 * built, and asking for one is an error. Thread-safe.
 */
public final class SyntheticEmbedder implements Embedder {

  /** The name of the synthetic model: the vector field and cache file of synthetic indexes. */
  public static final String MODEL = "synthetic";

  private final EmbeddingModelSpec spec;
  private final Map<String, float[]> vectors = new HashMap<>();
  private final Map<String, String> costInputs = new HashMap<>();
  private final Embedder costModel;

  /**
   * An embedder of the given queries.
   *
   * @param dimensions the vector length
   * @param queries the queries it knows
   * @param costModel a real model whose query-embedding cost every call pays, or null for none
   * @param realQueries the real queries the cost model embeds, the i-th synthetic query paying for
   *     {@code realQueries[i % size]}; when empty, it embeds the synthetic text itself
   */
  public SyntheticEmbedder(int dimensions, List<SyntheticQuery> queries, Embedder costModel,
      List<String> realQueries) {
    this.spec = spec(dimensions);
    for (int i = 0; i < queries.size(); i++) {
      SyntheticQuery query = queries.get(i);
      vectors.put(query.text(), query.vector());
      costInputs.put(query.text(),
          realQueries.isEmpty() ? query.text() : realQueries.get(i % realQueries.size()));
    }
    this.costModel = costModel;
  }

  /** The spec of synthetic vectors of this length: no prefixes, so inputs are the texts. */
  public static EmbeddingModelSpec spec(int dimensions) {
    return new EmbeddingModelSpec(MODEL, MODEL + ".onnx", MODEL + "-tokenizer.json", false,
        Pooling.CLS, dimensions, 512, "", "", false);
  }

  @Override
  public EmbeddingModelSpec spec() {
    return spec;
  }

  @Override
  public float[][] embed(List<String> inputs) {
    float[][] out = new float[inputs.size()][];
    for (int i = 0; i < out.length; i++) {
      String input = inputs.get(i);
      float[] vector = vectors.get(input);
      if (vector == null) {
        throw new IllegalStateException("the synthetic model knows only the benchmark's queries, "
            + "and not: " + (input.length() <= 60 ? input : input.substring(0, 60) + "..."));
      }
      if (costModel != null) {
        Objects.requireNonNull(costModel.embedQuery(costInputs.get(input)), "cost model vector");
      }
      out[i] = vector.clone();
    }
    return out;
  }
}
