package dev.ragft.rag.token;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Tokenizer} that runs a HuggingFace {@code tokenizer.json} in process (the Rust
 * tokenizers library through DJL). No truncation, no padding, no special tokens: every token of
 * the text is returned. Long texts are encoded in segments of at most {@value #SEGMENT_CHARS}
 * characters cut at whitespace, which gives exactly the tokens of the whole text for tokenizers
 * that split words at whitespace first (all the BERT-family models ragft ships). Thread-safe;
 * {@link #close()} frees the native tokenizer.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {

  /** The model whose tokenizer is used when none is named: the default embedding model. */
  public static final String DEFAULT_MODEL = "bge-small-en-v1.5-q";

  /** The models whose tokenizers ship in the embedding jars on rag-pipeline's class path. */
  public static final List<String> BUNDLED_MODELS =
      List.of("bge-small-en-v1.5-q", "all-minilm-l6-v2", "e5-small-v2");

  /** The longest piece of text handed to the native tokenizer at once, in characters. */
  static final int SEGMENT_CHARS = 16_384;

  private static final Map<String, String> OPTIONS =
      Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

  private final String name;
  private final HuggingFaceTokenizer tokenizer;

  private HfTokenizer(String name, HuggingFaceTokenizer tokenizer) {
    this.name = name;
    this.tokenizer = tokenizer;
  }

  /**
   * Opens the tokenizer of a model or file. A model name {@code m} is looked up as the class path
   * resource {@code m-tokenizer.json}, where LangChain4j's embedding jars keep it (see
   * {@link #BUNDLED_MODELS}); anything else is read as the path of a {@code tokenizer.json}.
   *
   * @throws RagftException when the name is neither, or the file is not a tokenizer
   */
  public static HfTokenizer forModel(String modelOrPath) {
    Objects.requireNonNull(modelOrPath, "modelOrPath");
    String resource = modelOrPath + "-tokenizer.json";
    if (!modelOrPath.isBlank() && !modelOrPath.contains("/")
        && HfTokenizer.class.getClassLoader().getResource(resource) != null) {
      try (InputStream in = HfTokenizer.class.getClassLoader().getResourceAsStream(resource)) {
        return open(modelOrPath, in);
      } catch (IOException e) {
        throw new RagftException("cannot read the tokenizer of model \"" + modelOrPath + "\": "
            + e.getMessage(), e);
      }
    }
    Path file = Path.of(modelOrPath);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    throw new RagftException("unknown tokenizer \"" + modelOrPath + "\": name a model whose "
        + "embedding jar is on the class path (" + String.join(", ", BUNDLED_MODELS)
        + ") or give the path of a tokenizer.json file.");
  }

  /** Opens a {@code tokenizer.json} file. */
  public static HfTokenizer fromFile(Path tokenizerJson) {
    try (InputStream in = Files.newInputStream(tokenizerJson)) {
      return open(tokenizerJson.toString(), in);
    } catch (IOException e) {
      throw new RagftException("cannot read the tokenizer file " + tokenizerJson + ": "
          + e.getMessage(), e);
    }
  }

  private static HfTokenizer open(String name, InputStream in) throws IOException {
    try {
      return new HfTokenizer(name, HuggingFaceTokenizer.newInstance(in, OPTIONS));
    } catch (RuntimeException e) {
      throw new RagftException("cannot load the tokenizer " + name + ": " + e.getMessage(), e);
    }
  }

  /** The model name or file path this tokenizer was opened from. */
  public String name() {
    return name;
  }

  @Override
  public TokenSpans tokenize(String text) {
    Objects.requireNonNull(text, "text");
    int[] starts = new int[Math.max(16, text.length() / 4)];
    int[] ends = new int[starts.length];
    int count = 0;
    int from = 0;
    while (from < text.length()) {
      int to = segmentEnd(text, from);
      String segment = text.substring(from, to);
      CharSpan[] spans = tokenizer.encode(segment, false, false).getCharTokenSpans();
      int[] chars = codePointToChar(segment);
      for (CharSpan span : spans) {
        if (span == null) {
          continue;
        }
        int start = from + (chars == null ? span.getStart() : chars[span.getStart()]);
        int end = from + (chars == null ? span.getEnd() : chars[span.getEnd()]);
        if (end <= start) {
          continue;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
      }
      from = to;
    }
    return new TokenSpans(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  /** Where the segment that begins at {@code from} ends: at whitespace, else at a code point. */
  static int segmentEnd(String text, int from) {
    int limit = from + SEGMENT_CHARS;
    if (limit >= text.length()) {
      return text.length();
    }
    for (int i = limit; i > from + SEGMENT_CHARS / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  /**
   * The native tokenizer counts offsets in code points; this maps each code point index (and the
   * end) to a char index, or returns null when the two are the same (no surrogate pairs).
   */
  private static int[] codePointToChar(String segment) {
    int points = segment.codePointCount(0, segment.length());
    if (points == segment.length()) {
      return null;
    }
    int[] chars = new int[points + 1];
    int index = 0;
    for (int p = 0; p < points; p++) {
      chars[p] = index;
      index += Character.charCount(segment.codePointAt(index));
    }
    chars[points] = index;
    return chars;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
