package dev.ragft.model.provider;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records the waits. */
@FunctionalInterface
public interface Sleeper {

  /** The real clock. */
  Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis());

  /** Waits for {@code delay}. */
  void sleep(Duration delay) throws InterruptedException;
}
