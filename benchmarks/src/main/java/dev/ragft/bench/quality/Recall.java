package dev.ragft.bench.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recall of a ranked list against an exact one. */
public final class Recall {

  private Recall() {
  }

  /**
   * The fraction of the exact top {@code k} that the found top {@code k} contains: 1 when the
   * approximate search found every true neighbour, whatever their order.
   *
   * @param found the ids an approximate search returned, best first
   * @param exact the ids exact search returned, best first
   * @param k the cutoff, at least 1
   */
  public static double atK(List<String> found, List<String> exact, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("recall cutoff must be >= 1, but is: " + k);
    }
    List<String> truth = exact.subList(0, Math.min(k, exact.size()));
    if (truth.isEmpty()) {
      return 1.0;
    }
    Set<String> top = new HashSet<>(found.subList(0, Math.min(k, found.size())));
    long hits = truth.stream().filter(top::contains).count();
    return (double) hits / truth.size();
  }

  /** The mean of {@link #atK} over queries; the two lists hold one ranked list per query. */
  public static double meanAtK(List<List<String>> found, List<List<String>> exact, int k) {
    if (found.size() != exact.size() || found.isEmpty()) {
      throw new IllegalArgumentException("recall needs one exact list per found list and at "
          + "least one query, but has " + found.size() + " found and " + exact.size() + " exact");
    }
    double sum = 0;
    for (int q = 0; q < found.size(); q++) {
      sum += atK(found.get(q), exact.get(q), k);
    }
    return sum / found.size();
  }
}
