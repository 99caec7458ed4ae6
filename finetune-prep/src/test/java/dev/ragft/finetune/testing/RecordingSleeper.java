package dev.ragft.finetune.testing;

import dev.ragft.finetune.job.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records the waits asked for and returns at once. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    waits.add(duration);
  }

  /** Forgets the waits recorded so far. */
  public synchronized void clear() {
    waits.clear();
  }

  /** The waits asked for, in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
