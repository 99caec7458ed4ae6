package dev.ragft.finetune.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The local trainings this process runs, and the file lock that tells every other process which
 * jobs are being trained. A training holds an exclusive lock on its job folder's
 * {@value LocalJobFolder#LOCK} while it runs; the operating system releases it when the process
 * dies, so a job whose lock is free and which has no ending is one nobody is training.
 *
 * <p>The table is process-wide on purpose: a file lock belongs to the whole process, and on POSIX
 * systems closing any channel of the locked file releases the process's lock. So this process
 * never probes the lock of a job it trains itself; it looks in the table instead. All methods
 * are synchronised on the class.
 */
final class RunningTrainings {

  private static final Map<Path, CompletableFuture<Void>> RUNNING = new HashMap<>();

  private RunningTrainings() {
  }

  /** Whether some process (this one or another) is training the job in this folder. */
  static synchronized boolean running(LocalJobFolder folder) {
    if (RUNNING.containsKey(folder.dir())) {
      return true;
    }
    try (FileChannel channel = openLock(folder)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot probe the lock of " + folder.dir() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Starts {@code training} on a thread of its own unless some process trains the job already or
   * it has ended; returns whether it started. The lock is taken before the thread starts and
   * released when the training returns, after it wrote the job's ending.
   */
  static synchronized boolean start(LocalJobFolder folder, Runnable training) {
    if (RUNNING.containsKey(folder.dir())) {
      return false;
    }
    FileChannel channel = null;
    try {
      channel = openLock(folder);
      FileLock lock = channel.tryLock();
      if (lock == null || folder.ending().isPresent()) {
        channel.close();
        return false;
      }
      CompletableFuture<Void> done = new CompletableFuture<>();
      FileChannel held = channel;
      Thread thread = Thread.ofPlatform().name("ragft-local-training-" + folder.key())
          .daemon(true).unstarted(() -> {
            try {
              training.run();
            } finally {
              finish(folder, held, done);
            }
          });
      RUNNING.put(folder.dir(), done);
      thread.start();
      return true;
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      return false;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + folder.dir() + " for training: "
          + e.getMessage(), e);
    }
  }

  /** The training this process runs for the job, until it has stopped. */
  static synchronized Optional<CompletableFuture<Void>> runningHere(LocalJobFolder folder) {
    return Optional.ofNullable(RUNNING.get(folder.dir()));
  }

  private static synchronized void finish(LocalJobFolder folder, FileChannel channel,
      CompletableFuture<Void> done) {
    RUNNING.remove(folder.dir());
    closeQuietly(channel);
    done.complete(null);
  }

  private static FileChannel openLock(LocalJobFolder folder) throws IOException {
    return FileChannel.open(folder.file(LocalJobFolder.LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing releases the lock; a failure here leaves nothing to undo
    }
  }
}
