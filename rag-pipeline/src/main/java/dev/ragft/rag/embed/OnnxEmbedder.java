package dev.ragft.rag.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a BERT-style ONNX embedding model with ONNX Runtime in padded batches. Inputs are sorted
 * by token length before batching so that a batch pads little, then the vectors are put back in
 * input order. A dynamically quantized model runs one input at a time (see
 * {@link EmbeddingModelSpec#quantized()}), so every vector is independent of its batch. Inputs
 * longer than the model's limit are truncated (the usual convention in retrieval benchmarks).
 * Thread-safe.
 */
public final class OnnxEmbedder implements Embedder {

  /** The default number of inputs run through the model at once. */
  public static final int DEFAULT_BATCH_SIZE = 16;

  private final EmbeddingModelSpec spec;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean needsTokenTypes;
  private final int batchSize;

  private OnnxEmbedder(EmbeddingModelSpec spec, OrtEnvironment environment, OrtSession session,
      HuggingFaceTokenizer tokenizer, int batchSize) throws OrtException {
    this.spec = spec;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    this.batchSize = spec.quantized() ? 1 : batchSize;
  }

  /** Opens a model with the default batch size and one intra-op thread per processor. */
  public static OnnxEmbedder open(EmbeddingModelSpec spec) {
    return open(spec, DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Opens a model.
   *
   * @param spec the model
   * @param batchSize how many inputs run through the model at once, at least 1
   * @param threads ONNX Runtime's intra-op threads, at least 1
   */
  public static OnnxEmbedder open(EmbeddingModelSpec spec, int batchSize, int threads) {
    Objects.requireNonNull(spec, "spec");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, but is: " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but is: " + threads);
    }
    HuggingFaceTokenizer tokenizer = ModelFiles.tokenizer(spec);
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Spinning worker threads burn the cores that indexing, Lucene merges and other work need.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = environment.createSession(ModelFiles.bytes(spec, spec.model()), options);
      return new OnnxEmbedder(spec, environment, session, tokenizer, batchSize);
    } catch (OrtException e) {
      tokenizer.close();
      throw new RagftException("embedding model " + spec.name() + " cannot be loaded by ONNX Runtime: "
          + e.getMessage(), e);
    }
  }

  @Override
  public EmbeddingModelSpec spec() {
    return spec;
  }

  /** The number of tokens the model sees for this input, special tokens included, after truncation. */
  public int tokenCount(String input) {
    return tokenizer.encode(input).getIds().length;
  }

  @Override
  public float[][] embed(List<String> inputs) {
    int n = inputs.size();
    float[][] vectors = new float[n][];
    if (n == 0) {
      return vectors;
    }
    Encoding[] encodings = tokenizer.batchEncode(inputs.toArray(String[]::new));
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length)
        .thenComparingInt(i -> i));
    for (int start = 0; start < n; start += batchSize) {
      int size = Math.min(batchSize, n - start);
      Encoding[] batch = new Encoding[size];
      for (int k = 0; k < size; k++) {
        batch[k] = encodings[order[start + k]];
      }
      float[][] result = run(batch);
      for (int k = 0; k < size; k++) {
        vectors[order[start + k]] = result[k];
      }
    }
    return vectors;
  }

  private float[][] run(Encoding[] batch) {
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
        feeds.put("token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(feeds)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(hidden, mask, size, length);
      }
    } catch (OrtException e) {
      throw new RagftException("embedding model " + spec.name() + " failed on a batch of " + size
          + " inputs: " + e.getMessage(), e);
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private float[][] pool(FloatBuffer hidden, long[] mask, int size, int length) {
    int dim = spec.dimensions();
    if (hidden.remaining() != (long) size * length * dim) {
      throw new RagftException("embedding model " + spec.name() + " returned "
          + hidden.remaining() + " values for " + size + "x" + length + " tokens; expected "
          + dim + " dimensions per token");
    }
    float[][] out = new float[size][];
    for (int k = 0; k < size; k++) {
      float[] vector = new float[dim];
      int base = k * length * dim;
      if (spec.pooling() == Pooling.CLS) {
        hidden.get(base, vector, 0, dim);
      } else {
        int tokens = 0;
        for (int t = 0; t < length; t++) {
          if (mask[k * length + t] == 0) {
            continue;
          }
          tokens++;
          int offset = base + t * dim;
          for (int d = 0; d < dim; d++) {
            vector[d] += hidden.get(offset + d);
          }
        }
        for (int d = 0; d < dim; d++) {
          vector[d] /= tokens;
        }
      }
      out[k] = VectorMath.normalize(vector);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new RagftException("cannot close embedding model " + spec.name() + ": " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }

  /** Reads a model's files from the classpath or disk. */
  static final class ModelFiles {
    private ModelFiles() {
    }

    static byte[] bytes(EmbeddingModelSpec spec, String location) {
      try {
        if (spec.onDisk()) {
          return Files.readAllBytes(Path.of(location));
        }
        try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(location)) {
          if (in == null) {
            throw new RagftException("embedding model " + spec.name() + " is not on the classpath ("
                + location + " is missing); is its LangChain4j model jar a dependency?");
          }
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new RagftException("cannot read " + location + " of embedding model " + spec.name()
            + ": " + e.getMessage(), e);
      }
    }

    static HuggingFaceTokenizer tokenizer(EmbeddingModelSpec spec) {
      Map<String, String> options = Map.of(
          "addSpecialTokens", "true",
          "truncation", "true",
          "padding", "false",
          "maxLength", Integer.toString(spec.maxTokens()));
      try (InputStream in = new java.io.ByteArrayInputStream(bytes(spec, spec.tokenizer()))) {
        return HuggingFaceTokenizer.newInstance(in, options);
      } catch (IOException e) {
        throw new RagftException("cannot read the tokenizer of embedding model " + spec.name()
            + ": " + e.getMessage(), e);
      }
    }
  }
}
