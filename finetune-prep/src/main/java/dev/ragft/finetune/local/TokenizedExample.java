package dev.ragft.finetune.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A conversation as token ids, with a flag per token saying whether the loss is computed on it.
 *
 * @param tokens the token ids, BOS first when the model uses one; copied
 * @param trained for each token, whether it belongs to an assistant reply; copied
 */
public record TokenizedExample(int[] tokens, boolean[] trained) {

  /** Validates that the arrays have equal length and copies them. */
  public TokenizedExample {
    tokens = tokens.clone();
    trained = trained.clone();
    if (tokens.length != trained.length) {
      throw new IllegalArgumentException("tokens and trained flags differ in length");
    }
  }

  /**
   * Tokenizes rendered segments the way inference tokenizes a prompt: the whole text at once. Each
   * token is attributed to a segment by tokenizing the growing prefixes of the text; when a token
   * spans the boundary between two segments, it belongs to the later one.
   */
  public static TokenizedExample of(List<Segment> segments, TrainingTokenizer tokenizer) {
    List<Integer> ids = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    tokenizer.bos().ifPresent(bos -> {
      ids.add(bos);
      flags.add(false);
    });
    int base = ids.size();
    StringBuilder text = new StringBuilder();
    int[] previous = new int[0];
    for (Segment segment : segments) {
      if (segment.text().isEmpty()) {
        continue;
      }
      text.append(segment.text());
      int[] current = tokenizer.encode(text.toString());
      int common = 0;
      while (common < previous.length && common < current.length
          && previous[common] == current[common]) {
        common++;
      }
      while (ids.size() > base + common) {
        ids.removeLast();
        flags.removeLast();
      }
      for (int i = common; i < current.length; i++) {
        ids.add(current[i]);
        flags.add(segment.trained());
      }
      previous = current;
    }
    int[] tokens = ids.stream().mapToInt(Integer::intValue).toArray();
    boolean[] trained = new boolean[flags.size()];
    for (int i = 0; i < trained.length; i++) {
      trained[i] = flags.get(i);
    }
    return new TokenizedExample(tokens, trained);
  }

  /** How many tokens are trained. */
  public int trainedCount() {
    int count = 0;
    for (boolean flag : trained) {
      count += flag ? 1 : 0;
    }
    return count;
  }

  /** The first {@code length} tokens (or all, when shorter). */
  public TokenizedExample truncate(int length) {
    return tokens.length <= length ? this
        : new TokenizedExample(Arrays.copyOf(tokens, length), Arrays.copyOf(trained, length));
  }

  /** The token ids, copied. */
  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  /** The trained flags, copied. */
  @Override
  public boolean[] trained() {
    return trained.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenizedExample that && Arrays.equals(tokens, that.tokens)
        && Arrays.equals(trained, that.trained);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(trained);
  }

  @Override
  public String toString() {
    return "TokenizedExample" + Arrays.toString(tokens);
  }
}
