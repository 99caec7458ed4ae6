package dev.ragft.rag.retrieve;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of a ranked list: an id (a chunk id) and its score, higher better.
 *
 * @param id the chunk id
 * @param score the score
 */
public record Hit(String id, double score) {

  /** Score descending, then id ascending: the one order every ranked list in ragft uses. */
  public static final Comparator<Hit> ORDER =
      Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id);

  /** Validates the components. */
  public Hit {
    Objects.requireNonNull(id, "id");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of " + id + " must be a number, but is NaN");
    }
  }
}
