package dev.ragft.rag.token;

/**
 * Splits text into the tokens of one model's vocabulary, each with its character span.
 *
 * <p>Contract for every implementation: the spans are non-empty, lie within the text, are sorted
 * by start and by end, and begin and end on code point boundaries (a surrogate pair is never cut);
 * whitespace between tokens belongs to no token; special tokens such as {@code [CLS]} are not
 * included; the same text always gives the same spans. Implementations are thread-safe.
 */
public interface Tokenizer {

  /** The tokens of {@code text} as character spans, in order. */
  TokenSpans tokenize(String text);

  /** The number of tokens in {@code text}, special tokens not counted. */
  default int count(String text) {
    return tokenize(text).size();
  }

  /**
   * The longest prefix of {@code text} that holds at most {@code maxTokens} tokens, cut at the end
   * of the last token kept (so trailing whitespace is dropped); the whole text when it fits.
   */
  default String truncate(String text, int maxTokens) {
    if (maxTokens < 0) {
      throw new IllegalArgumentException("maxTokens must be >= 0, but is: " + maxTokens);
    }
    TokenSpans spans = tokenize(text);
    if (spans.size() <= maxTokens) {
      return text;
    }
    return maxTokens == 0 ? "" : text.substring(0, spans.end(maxTokens - 1));
  }
}
