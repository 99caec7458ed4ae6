package dev.ragft.rag.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The optional second stage.
 *
 * @param method {@code none}, {@code mmr}, {@code ensemble} (fuse extra embedding models),
 *     {@code onnx} (an ONNX cross-encoder), {@code gguf} (a GGUF reranker through llama.cpp)
 * @param candidates how many first-stage results are reranked
 * @param lambda MMR's relevance weight
 * @param models the extra embedding models of {@code ensemble}
 * @param weights the weights of {@code ensemble}: the first stage, then each model
 * @param model the model file of {@code onnx} or {@code gguf}
 * @param tokenizer the {@code tokenizer.json} of {@code onnx}
 */
public record RerankConfig(String method, int candidates, double lambda, List<String> models,
    List<Double> weights, Path model, Path tokenizer) {

  /** The reranking methods. */
  public static final List<String> METHODS = List.of("none", "mmr", "ensemble", "onnx", "gguf");

  /** Validates the components. */
  public RerankConfig {
    Objects.requireNonNull(method, "method");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "rerank must be one of " + String.join(", ", METHODS) + ", but is: " + method);
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("rerank candidates must be >= 1, but is: " + candidates);
    }
    models = List.copyOf(models);
    weights = List.copyOf(weights);
    if (method.equals("ensemble") && models.isEmpty()) {
      throw new IllegalArgumentException("ensemble reranking needs at least one model");
    }
    if (method.equals("ensemble") && !weights.isEmpty() && weights.size() != models.size() + 1) {
      throw new IllegalArgumentException("ensemble weights must be one for the first stage and "
          + "one per model (" + (models.size() + 1) + "), but are: " + weights);
    }
    if ((method.equals("onnx") || method.equals("gguf")) && model == null) {
      throw new IllegalArgumentException(method + " reranking needs a model file");
    }
    if (method.equals("onnx") && tokenizer == null) {
      throw new IllegalArgumentException("onnx reranking needs the model's tokenizer.json");
    }
  }

  /** No reranking. */
  public static RerankConfig none() {
    return new RerankConfig("none", 100, 0.5, List.of(), List.of(), null, null);
  }
}
