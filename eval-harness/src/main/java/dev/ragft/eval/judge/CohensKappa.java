package dev.ragft.eval.judge;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Cohen's kappa, the agreement of two raters on the same items corrected for the agreement their
 * label frequencies give by chance: {@code (po - pe) / (1 - pe)}, where {@code po} is the share of
 * items they label alike and {@code pe} the sum over labels of the product of each rater's share
 * of that label. When chance agreement is already perfect ({@code pe = 1}: both raters always give
 * the one same label) kappa is 1 if they agree on everything.
 */
public final class CohensKappa {

  private CohensKappa() {
  }

  /**
   * Kappa of two raters' labels, item by item.
   *
   * @param first the first rater's labels
   * @param second the second rater's labels, as many as the first's, at least one
   */
  public static <T extends Comparable<T>> double of(List<T> first, List<T> second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.size() != second.size() || first.isEmpty()) {
      throw new IllegalArgumentException("kappa needs the same number of labels (at least one)"
          + " from both raters, but has " + first.size() + " and " + second.size());
    }
    int n = first.size();
    TreeSet<T> labels = new TreeSet<>(first);
    labels.addAll(second);
    int agree = 0;
    for (int i = 0; i < n; i++) {
      if (first.get(i).equals(second.get(i))) {
        agree++;
      }
    }
    double observed = (double) agree / n;
    double chance = 0;
    for (T label : labels) {
      long a = first.stream().filter(label::equals).count();
      long b = second.stream().filter(label::equals).count();
      chance += ((double) a / n) * ((double) b / n);
    }
    if (chance >= 1.0) {
      return observed == 1.0 ? 1.0 : 0.0;
    }
    return (observed - chance) / (1 - chance);
  }

  /**
   * Kappa of a two-by-two table of yes/no ratings.
   *
   * @param yesYes items both raters said yes to
   * @param yesNo items the first said yes and the second no to
   * @param noYes items the first said no and the second yes to
   * @param noNo items both said no to
   */
  public static double ofTable(int yesYes, int yesNo, int noYes, int noNo) {
    if (yesYes < 0 || yesNo < 0 || noYes < 0 || noNo < 0) {
      throw new IllegalArgumentException("table counts must be >= 0");
    }
    double n = yesYes + yesNo + noYes + noNo;
    if (n == 0) {
      throw new IllegalArgumentException("the table is empty");
    }
    double observed = (yesYes + noNo) / n;
    double chance = ((yesYes + yesNo) / n) * ((yesYes + noYes) / n)
        + ((noYes + noNo) / n) * ((yesNo + noNo) / n);
    if (chance >= 1.0) {
      return observed == 1.0 ? 1.0 : 0.0;
    }
    return (observed - chance) / (1 - chance);
  }
}
