package dev.ragft.rag.embed;

import dev.ragft.common.RagftException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything needed to run one embedding model correctly: where its ONNX graph and tokenizer are,
 * how to pool, how long an input may be, and the prefixes its authors prescribe for queries and
 * passages (getting those wrong costs several points of nDCG).
 *
 * @param name the identifier used in configuration, caches and index metadata
 * @param model the ONNX graph: a classpath resource name, or a file path when {@code onDisk}
 * @param tokenizer the HuggingFace {@code tokenizer.json}: a classpath resource or a file path
 * @param onDisk whether {@code model} and {@code tokenizer} are file paths rather than resources
 * @param pooling how token vectors become one vector
 * @param dimensions the length of the output vector
 * @param maxTokens the longest input in tokens, special tokens included; longer input is truncated
 * @param queryPrefix prepended to every query
 * @param passagePrefix prepended to every passage
 * @param quantized whether the graph is dynamically quantized: its activation scales are computed
 *     over the whole batch, so a text's vector would depend on the texts batched with it; such a
 *     model is always run one text at a time, which keeps vectors (and the cache) independent of
 *     batching
 */
public record EmbeddingModelSpec(
    String name,
    String model,
    String tokenizer,
    boolean onDisk,
    Pooling pooling,
    int dimensions,
    int maxTokens,
    String queryPrefix,
    String passagePrefix,
    boolean quantized) {

  /** bge-small-en-v1.5, int8-quantized: the default; small, fast and strong on retrieval. */
  public static final EmbeddingModelSpec BGE_SMALL_EN_V15_Q = new EmbeddingModelSpec(
      "bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
      false, Pooling.CLS, 384, 512,
      "Represent this sentence for searching relevant passages: ", "", true);

  /** bge-small-en-v1.5 in full precision. */
  public static final EmbeddingModelSpec BGE_SMALL_EN_V15 = new EmbeddingModelSpec(
      "bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
      false, Pooling.CLS, 384, 512,
      "Represent this sentence for searching relevant passages: ", "", false);

  /** all-MiniLM-L6-v2: six layers, the fastest; trained on inputs of up to 256 tokens. */
  public static final EmbeddingModelSpec ALL_MINILM_L6_V2 = new EmbeddingModelSpec(
      "all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
      false, Pooling.MEAN, 384, 256, "", "", false);

  /** e5-small-v2, which expects {@code query: } and {@code passage: } prefixes. */
  public static final EmbeddingModelSpec E5_SMALL_V2 = new EmbeddingModelSpec(
      "e5-small-v2", "e5-small-v2.onnx", "e5-small-v2-tokenizer.json",
      false, Pooling.MEAN, 384, 512, "query: ", "passage: ", false);

  /** The models that ship with ragft, the default first. */
  public static final List<EmbeddingModelSpec> BUILT_IN =
      List.of(BGE_SMALL_EN_V15_Q, BGE_SMALL_EN_V15, ALL_MINILM_L6_V2, E5_SMALL_V2);

  /** Validates the components. */
  public EmbeddingModelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    Objects.requireNonNull(passagePrefix, "passagePrefix");
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "model name must use letters, digits, '.', '_' and '-' only, but is: " + name);
    }
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be > 0, but is: " + dimensions);
    }
    if (maxTokens < 8) {
      throw new IllegalArgumentException("maxTokens must be >= 8, but is: " + maxTokens);
    }
  }

  /** The built-in model with this name; an unknown name is a one-sentence error listing them. */
  public static EmbeddingModelSpec byName(String name) {
    for (EmbeddingModelSpec spec : BUILT_IN) {
      if (spec.name.equals(name)) {
        return spec;
      }
    }
    throw new RagftException("unknown embedding model '" + name + "'; the built-in models are: "
        + BUILT_IN.stream().map(EmbeddingModelSpec::name).collect(Collectors.joining(", "))
        + " (or give an ONNX file and its tokenizer.json)");
  }

  /** A model from local files, for models that are not built in (a user's bge-base, say). */
  public static EmbeddingModelSpec fromFiles(String name, Path model, Path tokenizer,
      Pooling pooling, int dimensions, int maxTokens, String queryPrefix, String passagePrefix,
      boolean quantized) {
    return new EmbeddingModelSpec(name, model.toString(), tokenizer.toString(), true, pooling,
        dimensions, maxTokens, queryPrefix, passagePrefix, quantized);
  }
}
