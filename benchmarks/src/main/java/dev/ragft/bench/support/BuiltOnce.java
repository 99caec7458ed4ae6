package dev.ragft.bench.support;

import dev.ragft.common.FileTrees;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A folder of benchmark data built once and reused: written under a temporary name and renamed
 * when complete, with a file ({@value #BUILD_FILE}) describing the build, so a build cut short is
 * never mistaken for a finished one and a later run, or the next JMH fork, finds it ready. A file
 * lock beside the folder lets two JVMs ask for the same folder at once: the second waits for the
 * first and reuses its work.
 */
public final class BuiltOnce {

  /** The file a finished build leaves in its folder, describing what it did. */
  public static final String BUILD_FILE = "build.txt";

  private BuiltOnce() {
  }

  /** Whether {@code folder} holds a finished build. */
  public static boolean done(Path folder) {
    return Files.isRegularFile(folder.resolve(BUILD_FILE));
  }

  /**
   * The folder, built first by {@code builder} unless a finished build is there.
   *
   * @param folder where the data lives
   * @param builder fills a folder and describes what it did (the text of {@value #BUILD_FILE})
   */
  public static Path folder(Path folder, Builder builder) {
    return build(folder, builder, false);
  }

  /**
   * Like {@link #folder}, but built in {@code folder} itself rather than renamed into place, for
   * data that records its own absolute paths (a job registry naming its adapter file, say). A
   * build cut short leaves no {@value #BUILD_FILE}; its folder is kept and handed to the builder
   * again, which must carry on from what it finds there (as {@code ragft demo} does).
   */
  public static Path folderInPlace(Path folder, Builder builder) {
    return build(folder, builder, true);
  }

  private static Path build(Path folder, Builder builder, boolean inPlace) {
    if (done(folder)) {
      return folder;
    }
    Path building = inPlace ? folder : folder.resolveSibling(folder.getFileName() + ".building");
    Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
    try {
      Files.createDirectories(folder.toAbsolutePath().getParent());
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (done(folder) || !lock.isValid()) {
          return folder;
        }
        if (!inPlace) {
          FileTrees.delete(building);
          FileTrees.delete(folder);
        }
        Files.createDirectories(building);
        String report = builder.build(building);
        Files.writeString(building.resolve(BUILD_FILE), report);
        if (!inPlace) {
          Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        }
        return folder;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new RagftException("cannot build " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Fills a folder and describes what it did. */
  @FunctionalInterface
  public interface Builder {
    /** Writes the data into {@code folder}; returns the text of the build file. */
    String build(Path folder) throws IOException;
  }
}
