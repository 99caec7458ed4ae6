package dev.ragft.finetune.token;

import dev.ragft.finetune.example.TrainingExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Token counts for a set of examples: per example, their distribution, and the examples over the
 * base model's limit, which the provider would truncate.
 *
 * @param tokenizer the tokenizer's name
 * @param perExample the count of each example by id, in input order
 * @param stats the distribution
 * @param limit the base model's tokens per example, or 0 when unknown
 * @param overLimit the examples over the limit, in input order
 */
public record TokenReport(String tokenizer, Map<String, Integer> perExample, TokenStats stats,
    int limit, List<OverLimit> overLimit) {

  /** Copies the collections. */
  public TokenReport {
    perExample = Collections.unmodifiableMap(new LinkedHashMap<>(perExample));
    overLimit = List.copyOf(overLimit);
  }

  /**
   * An example longer than the base model trains on.
   *
   * @param exampleId the example
   * @param tokens its tokens
   * @param limit the limit
   */
  public record OverLimit(String exampleId, int tokens, int limit) {

    /** The warning as printed: the example will be truncated. */
    public String warning() {
      return "example " + exampleId + " has " + tokens + " tokens, over the " + limit
          + " the base model trains on; it will be truncated";
    }
  }

  /** Counts every example, with rejected answers when {@code withRejected}. */
  public static TokenReport of(List<TrainingExample> examples, ExampleTokens tokens,
      OptionalInt limit, boolean withRejected) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<OverLimit> over = new ArrayList<>();
    int[] values = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      TrainingExample example = examples.get(i);
      values[i] = tokens.count(example, withRejected);
      counts.put(example.id(), values[i]);
      if (limit.isPresent() && values[i] > limit.getAsInt()) {
        over.add(new OverLimit(example.id(), values[i], limit.getAsInt()));
      }
    }
    return new TokenReport(tokens.tokenizer(), counts, TokenStats.of(values),
        limit.orElse(0), over);
  }

  /** The billable tokens of one epoch: each example counted up to the limit, as providers truncate. */
  public long billableTokens() {
    long total = 0;
    for (int count : perExample.values()) {
      total += limit > 0 ? Math.min(count, limit) : count;
    }
    return total;
  }
}
