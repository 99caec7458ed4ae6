package dev.ragft.model.llamacpp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this project in a child JVM with the same class path, for llama.cpp calls
 * that would otherwise abort this process (the native library ends the process on some C++
 * exceptions) or that must log to standard error.
 */
final class ChildJvm {

  private static final int MAX_OUTPUT = 4 << 20;

  /**
   * What the child did.
   *
   * @param exit its exit code (134 when llama.cpp aborted it)
   * @param output its standard output and error together, cut at 4 MiB
   */
  record Result(int exit, String output) {
  }

  private ChildJvm() {
  }

  /** Runs {@code main} with {@code args}, feeding {@code input} to its standard input. */
  static Result run(Class<?> main, List<String> args, String input, Duration timeout) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path")));
    for (String property : List.of("de.kherud.llama.lib.path", "de.kherud.llama.tmpdir")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add(main.getName());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      String output;
      try (InputStream in = process.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_OUTPUT);
        in.transferTo(OutputStream.nullOutputStream());
        output = new String(bytes, StandardCharsets.UTF_8);
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM for " + main.getSimpleName() + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a child JVM", e);
    }
  }
}
