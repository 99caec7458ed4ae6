package dev.ragft.finetune.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash at any moment leaves either the old content or the new one, never a
 * mix: the bytes go to a temporary file beside the target, are forced to disk, and the temporary
 * file is then renamed over the target in one atomic step, after which the folder is forced too.
 */
public final class AtomicFiles {

  private static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {
  }

  /** Replaces {@code target} with {@code bytes} atomically and durably. */
  public static void write(Path target, byte[] bytes) {
    Path temp = temp(target);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      int half = bytes.length / 2;
      writeFully(channel, ByteBuffer.wrap(bytes, 0, half));
      CrashPoints.reach(CrashPoints.REGISTRY_MID_WRITE);
      writeFully(channel, ByteBuffer.wrap(bytes, half, bytes.length - half));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp + ": " + e.getMessage(), e);
    }
    replace(temp, target);
  }

  /** Copies {@code source} to {@code target} atomically and durably. */
  public static void copy(Path source, Path target) {
    Path temp = temp(target);
    try (InputStream in = Files.newInputStream(source)) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + temp + ": "
          + e.getMessage(), e);
    }
    replace(temp, target);
  }

  /** The temporary file a write to {@code target} uses; a leftover one is garbage. */
  public static Path temp(Path target) {
    return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void replace(Path temp, Path target) {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new UncheckedIOException("cannot replace " + target
            + " atomically: the file system does not support atomic renames", e);
      }
      forceFolder(target.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + target + ": " + e.getMessage(), e);
    }
  }

  private static void forceFolder(Path folder) {
    // Makes the rename itself durable. Some platforms (Windows) cannot open a folder as a channel;
    // the rename is still atomic there, only its durability is left to the file system.
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      return;
    }
  }
}
