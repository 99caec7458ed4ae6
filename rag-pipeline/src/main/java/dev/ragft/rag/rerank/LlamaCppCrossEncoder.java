package dev.ragft.rag.rerank;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.ragft.common.RagftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A GGUF reranker (for example bge-reranker-v2-m3 or a Qwen3 reranker in GGUF form) run in-process
 * by llama.cpp in reranking mode. The model must have a ranking head; a plain language model is
 * refused with a clear message. Calls are serialized: one llama.cpp context serves one request at
 * a time.
 */
public final class LlamaCppCrossEncoder implements PairScorer {

  private final Path file;
  private final LlamaModel model;

  private LlamaCppCrossEncoder(Path file, LlamaModel model) {
    this.file = file;
    this.model = model;
  }

  /**
   * Loads a GGUF reranker.
   *
   * @param file the GGUF file
   * @param threads CPU threads for llama.cpp, at least 1
   * @param contextSize tokens per (query, passage) pair
   */
  public static LlamaCppCrossEncoder open(Path file, int threads, int contextSize) {
    if (!Files.isRegularFile(file)) {
      throw new RagftException("reranker model " + file + " does not exist");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but is: " + threads);
    }
    try {
      LlamaModel model = new LlamaModel(new ModelParameters()
          .setModel(file.toString())
          .enableReranking()
          .setThreads(threads)
          .setCtxSize(contextSize)
          .setGpuLayers(0));
      return new LlamaCppCrossEncoder(file, model);
    } catch (RuntimeException e) {
      throw new RagftException("llama.cpp cannot load " + file + " as a reranker: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return file.getFileName().toString();
  }

  @Override
  public synchronized float[] score(String query, List<String> passages) {
    float[] scores = new float[passages.size()];
    if (passages.isEmpty()) {
      return scores;
    }
    List<Pair<String, Float>> ranked;
    try {
      ranked = model.rerank(false, query, passages.toArray(String[]::new));
    } catch (RuntimeException e) {
      throw new RagftException("llama.cpp could not rerank with " + file + " (is it a reranker "
          + "model with a ranking head?): " + e.getMessage(), e);
    }
    if (ranked.size() != passages.size()) {
      throw new RagftException(file + " returned " + ranked.size() + " scores for "
          + passages.size() + " passages; is it a reranker model?");
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] = ranked.get(i).getValue();
    }
    return scores;
  }

  @Override
  public synchronized void close() {
    model.close();
  }
}
