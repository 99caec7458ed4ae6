package dev.ragft.rag.rerank;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style cross-encoder in ONNX format (for example an export of
 * {@code cross-encoder/ms-marco-MiniLM-L-6-v2}) run through ONNX Runtime: each (query, passage)
 * pair is encoded as one sequence with its {@code tokenizer.json}, truncated to the model's
 * limit, and the model's first output gives one logit per pair (for a two-class head, the
 * logit of the last class, "relevant"). Pairs run in batches. Thread-safe.
 */
public final class OnnxCrossEncoder implements PairScorer {

  private final String name;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean needsTokenTypes;
  private final int batchSize;

  private OnnxCrossEncoder(String name, OrtSession session, HuggingFaceTokenizer tokenizer,
      int batchSize) throws OrtException {
    this.name = name;
    this.environment = OrtEnvironment.getEnvironment();
    this.session = session;
    this.tokenizer = tokenizer;
    this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    this.batchSize = batchSize;
  }

  /**
   * Loads a cross-encoder.
   *
   * @param model the ONNX file
   * @param tokenizerJson its HuggingFace {@code tokenizer.json}
   * @param maxTokens the longest pair in tokens
   * @param batchSize pairs per model call
   */
  public static OnnxCrossEncoder open(Path model, Path tokenizerJson, int maxTokens,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, but is: " + batchSize);
    }
    for (Path file : List.of(model, tokenizerJson)) {
      if (!Files.isRegularFile(file)) {
        throw new RagftException("cross-encoder file " + file + " does not exist");
      }
    }
    HuggingFaceTokenizer tokenizer;
    try {
      tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
          "addSpecialTokens", "true", "truncation", "true", "padding", "false",
          "maxLength", Integer.toString(maxTokens)));
    } catch (IOException | RuntimeException e) {
      throw new RagftException(tokenizerJson + " is not a usable tokenizer.json: "
          + e.getMessage(), e);
    }
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString(), options);
      return new OnnxCrossEncoder(model.getFileName().toString(), session, tokenizer, batchSize);
    } catch (OrtException e) {
      tokenizer.close();
      throw new RagftException(model + " cannot be loaded by ONNX Runtime: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public float[] score(String query, List<String> passages) {
    float[] scores = new float[passages.size()];
    for (int start = 0; start < passages.size(); start += batchSize) {
      int size = Math.min(batchSize, passages.size() - start);
      PairList<String, String> pairs = new PairList<>(size);
      for (int i = 0; i < size; i++) {
        pairs.add(query, passages.get(start + i));
      }
      float[] batch = run(tokenizer.batchEncode(pairs));
      System.arraycopy(batch, 0, scores, start, size);
    }
    return scores;
  }

  private float[] run(Encoding[] batch) {
    int size = batch.length;
    int length = 0;
    for (Encoding encoding : batch) {
      length = Math.max(length, encoding.getIds().length);
    }
    long[] ids = new long[size * length];
    long[] mask = new long[size * length];
    long[] types = new long[size * length];
    for (int k = 0; k < size; k++) {
      long[] tokenIds = batch[k].getIds();
      long[] tokenTypes = batch[k].getTypeIds();
      for (int t = 0; t < tokenIds.length; t++) {
        ids[k * length + t] = tokenIds[t];
        mask[k * length + t] = 1;
        types[k * length + t] = tokenTypes[t];
      }
    }
    long[] shape = {size, length};
    Map<String, OnnxTensor> feeds = new HashMap<>();
    try {
      feeds.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      feeds.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (needsTokenTypes) {
        feeds.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(feeds)) {
        OnnxTensor logits = (OnnxTensor) result.get(0);
        long[] outShape = logits.getInfo().getShape();
        FloatBuffer values = logits.getFloatBuffer();
        int classes = outShape.length == 1 ? 1 : (int) outShape[outShape.length - 1];
        if (outShape[0] != size || values.remaining() != size * classes) {
          throw new RagftException(name + " returned logits of shape "
              + java.util.Arrays.toString(outShape) + " for " + size + " pairs; a cross-encoder "
              + "returns one row of logits per pair");
        }
        float[] scores = new float[size];
        for (int k = 0; k < size; k++) {
          scores[k] = values.get(k * classes + classes - 1);
        }
        return scores;
      }
    } catch (OrtException e) {
      throw new RagftException(name + " failed on a batch of " + size + " pairs: "
          + e.getMessage(), e);
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new RagftException("cannot close " + name + ": " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }
}
