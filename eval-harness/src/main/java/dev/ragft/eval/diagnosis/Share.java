package dev.ragft.eval.diagnosis;

import dev.ragft.eval.stats.Interval;
import dev.ragft.eval.stats.Wilson;
import java.util.Objects;
import java.util.Optional;

/**
 * A count out of a total, with its share and the share's Wilson interval.
 *
 * @param count the count
 * @param total the total
 * @param share {@code count / total}, 0 when the total is 0
 * @param interval the Wilson interval, empty when the total is 0
 */
public record Share(int count, int total, double share, Optional<Interval> interval) {

  /** Validates the components. */
  public Share {
    if (count < 0 || count > total) {
      throw new IllegalArgumentException("a share needs 0 <= count <= total, but is " + count + " of "
          + total);
    }
    Objects.requireNonNull(interval, "interval");
  }

  /** The share {@code count / total} with its Wilson interval at {@code confidence}. */
  public static Share of(int count, int total, double confidence) {
    return new Share(count, total, total == 0 ? 0 : (double) count / total,
        total == 0 ? Optional.empty() : Optional.of(Wilson.interval(count, total, confidence)));
  }

  /** The lower end of the interval, or 0 without one. */
  public double low() {
    return interval.map(Interval::low).orElse(0.0);
  }

  /** The upper end of the interval, or 1 without one. */
  public double high() {
    return interval.map(Interval::high).orElse(1.0);
  }
}
