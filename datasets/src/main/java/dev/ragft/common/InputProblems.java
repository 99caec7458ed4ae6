package dev.ragft.common;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects the bad-input problems of one run: each is passed to a sink (usually the console) as it
 * happens and counted by kind, so that a summary can say "3 malformed lines skipped". Thread-safe.
 * Keeps at most {@value #KEPT} messages in memory; the counts are always complete.
 */
public final class InputProblems {

  /** How many messages are kept for {@link #messages()}. */
  public static final int KEPT = 1000;

  private final Consumer<String> sink;
  private final Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
  private final List<String> messages = new ArrayList<>();

  /** Creates a collector that passes each problem's message to {@code sink}. */
  public InputProblems(Consumer<String> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Creates a collector that only counts and keeps messages. */
  public static InputProblems collecting() {
    return new InputProblems(message -> { });
  }

  /** Records one problem of the given kind. */
  public void report(ProblemKind kind, String message) {
    synchronized (this) {
      counts.merge(kind, 1L, Long::sum);
      if (messages.size() < KEPT) {
        messages.add(message);
      }
    }
    sink.accept(message);
  }

  /** Records an input exception as a problem of the given kind. */
  public void report(ProblemKind kind, InputException problem) {
    report(kind, problem.getMessage());
  }

  /** How many problems of this kind were reported. */
  public synchronized long count(ProblemKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  /** How many problems were reported in all. */
  public synchronized long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The counts by kind, in the enum's order; kinds never seen are absent. */
  public synchronized Map<ProblemKind, Long> counts() {
    return new EnumMap<>(counts);
  }

  /** The first {@value #KEPT} messages, in the order they were reported. */
  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }
}
