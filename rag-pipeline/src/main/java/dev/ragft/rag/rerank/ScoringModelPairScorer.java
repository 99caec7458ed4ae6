package dev.ragft.rag.rerank;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.langchain4j.model.scoring.onnx.OnnxScoringModel;
import dev.ragft.common.RagftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A cross-encoder from LangChain4j's {@link ScoringModel}: an in-process ONNX cross-encoder
 * ({@link #onnx}: for example an export of {@code cross-encoder/ms-marco-MiniLM-L-6-v2} with its
 * {@code tokenizer.json}, pairs scored in one ONNX Runtime batch, the first logit of each pair), or
 * any other scoring model LangChain4j offers.
 */
public final class ScoringModelPairScorer implements PairScorer {

  private final ScoringModel model;
  private final String name;
  private final AutoCloseable resource;

  /** Wraps a scoring model; {@code name} names it in reports. It is not closed by this scorer. */
  public ScoringModelPairScorer(ScoringModel model, String name) {
    this(model, name, null);
  }

  private ScoringModelPairScorer(ScoringModel model, String name, AutoCloseable resource) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = Objects.requireNonNull(name, "name");
    this.resource = resource;
  }

  /**
   * Loads an ONNX cross-encoder in-process; closing the scorer releases it.
   *
   * @param model the ONNX file
   * @param tokenizerJson its HuggingFace {@code tokenizer.json}
   * @param maxTokens the longest (query, passage) pair in tokens
   */
  public static ScoringModelPairScorer onnx(Path model, Path tokenizerJson, int maxTokens) {
    for (Path file : List.of(model, tokenizerJson)) {
      if (!Files.isRegularFile(file)) {
        throw new RagftException("cross-encoder file " + file + " does not exist");
      }
    }
    try {
      OnnxScoringModel scoring = new OnnxScoringModel(model.toString(), tokenizerJson.toString(),
          maxTokens);
      return new ScoringModelPairScorer(scoring, model.getFileName().toString(), scoring);
    } catch (RuntimeException e) {
      throw new RagftException(model + " cannot be loaded as an ONNX cross-encoder: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public float[] score(String query, List<String> passages) {
    if (passages.isEmpty()) {
      return new float[0];
    }
    List<Double> scores;
    try {
      scores = model.scoreAll(passages.stream().map(TextSegment::from).toList(), query).content();
    } catch (RuntimeException e) {
      throw new RagftException(name + " failed to score " + passages.size() + " passages: "
          + e.getMessage(), e);
    }
    if (scores.size() != passages.size()) {
      throw new RagftException(name + " returned " + scores.size() + " scores for "
          + passages.size() + " passages");
    }
    float[] out = new float[scores.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores.get(i).floatValue();
    }
    return out;
  }

  @Override
  public void close() {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new RagftException("cannot close " + name + ": " + e.getMessage(), e);
      }
    }
  }
}
