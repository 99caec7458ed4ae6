package dev.ragft.common;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows the progress of long work on one line: done and total units, percent, the rate of the
 * unit that matters (chunks per second, say) and the time left. On a terminal the line is
 * redrawn in place; elsewhere (a log, CI) a new line is printed every few seconds, so logs stay
 * short. Thread-safe; {@link #close()} prints the final line.
 */
public final class Progress implements AutoCloseable {

  private static final long INTERACTIVE_EVERY_NANOS = 200_000_000L;
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final String task;
  private final String unit;
  private final String rateUnit;
  private final long total;
  private final PrintStream out;
  private final boolean interactive;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private long done;
  private long rateCount;
  private long lastDrawNanos;
  private boolean closed;

  /**
   * Creates a progress line.
   *
   * @param task what is being done, e.g. {@code indexing}
   * @param total the number of units, or a negative number when unknown
   * @param unit the name of the units counted against the total, e.g. {@code docs}
   * @param rateUnit the name of the units whose rate is shown, e.g. {@code chunks}
   * @param out where to draw; null draws nothing
   * @param interactive whether {@code out} is a terminal that understands carriage returns
   * @param nanoClock a monotonic clock in nanoseconds
   */
  public Progress(String task, long total, String unit, String rateUnit, PrintStream out,
      boolean interactive, LongSupplier nanoClock) {
    this.task = Objects.requireNonNull(task, "task");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.rateUnit = Objects.requireNonNull(rateUnit, "rateUnit");
    this.total = total;
    this.out = out;
    this.interactive = interactive;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.startNanos = nanoClock.getAsLong();
    this.lastDrawNanos = startNanos;
  }

  /** A progress line on standard error, redrawn in place when standard error is a terminal. */
  public static Progress onStderr(String task, long total, String unit, String rateUnit) {
    return new Progress(task, total, unit, rateUnit, System.err, System.console() != null,
        System::nanoTime);
  }

  /** A progress line that draws nothing, for library calls that want no output. */
  public static Progress silent(String task) {
    return new Progress(task, -1, "items", "items", null, false, System::nanoTime);
  }

  /** Counts {@code units} more done, whose rate is also the rate shown. */
  public void advance(long units) {
    advance(units, units);
  }

  /** Counts {@code units} more done and {@code rated} more of the rate unit. */
  public synchronized void advance(long units, long rated) {
    done += units;
    rateCount += rated;
    long now = nanoClock.getAsLong();
    if (now - lastDrawNanos >= (interactive ? INTERACTIVE_EVERY_NANOS : LOG_EVERY_NANOS)) {
      lastDrawNanos = now;
      draw(now, false);
    }
  }

  /** The units done so far. */
  public synchronized long done() {
    return done;
  }

  /** The line as it would be drawn now, without drawing it. */
  public synchronized String line() {
    return render(nanoClock.getAsLong());
  }

  private void draw(long now, boolean last) {
    if (out == null) {
      return;
    }
    String text = render(now);
    if (interactive) {
      out.print("\r" + text + (last ? System.lineSeparator() : ""));
    } else {
      out.println(text);
    }
    out.flush();
  }

  private String render(long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = rateCount / seconds;
    StringBuilder text = new StringBuilder("[").append(task).append("] ");
    if (total > 0) {
      double fraction = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(fraction * 20);
      text.append('[').append("#".repeat(filled)).append(".".repeat(20 - filled)).append("] ");
      text.append(done).append('/').append(total).append(' ').append(unit);
      text.append(String.format(Locale.ROOT, " %3.0f%%", fraction * 100));
    } else {
      text.append(done).append(' ').append(unit);
    }
    text.append(String.format(Locale.ROOT, " | %.1f %s/s", rate, rateUnit));
    if (total > 0 && done > 0 && done < total) {
      double left = seconds * (total - done) / done;
      text.append(" | ETA ").append(clock(left));
    } else {
      text.append(" | ").append(clock(seconds));
    }
    return text.toString();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Draws the final line once. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      draw(nanoClock.getAsLong(), true);
    }
  }
}
