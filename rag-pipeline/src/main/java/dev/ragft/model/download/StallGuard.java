package dev.ragft.model.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body when no byte has arrived for a while, so that a server that stops
 * sending without closing the connection fails the read instead of hanging it forever (the JDK
 * HTTP client has no read timeout for bodies).
 */
final class StallGuard implements AutoCloseable {

  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
      task -> Thread.ofPlatform().daemon().name("ragft-download-watchdog").unstarted(task));
  private final long limitNanos;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;

  /** Watches {@code body}, closing it after {@code limit} without progress. */
  StallGuard(Closeable body, Duration limit) {
    this.limitNanos = limit.toNanos();
    long every = Math.max(10, limit.toMillis() / 4);
    watchdog.scheduleWithFixedDelay(() -> {
      if (System.nanoTime() - lastProgress > limitNanos) {
        stalled = true;
        try {
          body.close();
        } catch (IOException e) {
          // closing is all we can do; the reader sees the failure
        }
        watchdog.shutdown();
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /** Records that bytes arrived. */
  void progressed() {
    lastProgress = System.nanoTime();
  }

  /** Whether the body was closed for lack of progress. */
  boolean stalled() {
    return stalled;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
