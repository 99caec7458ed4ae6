package dev.ragft.finetune.provider.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.finetune.job.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The shared stories260K model, a tiny behaviour task and waits for local trainings. */
final class LocalJobs {

  /** The options every test job uses: one PyTorch thread, LoRA on attention and output head. */
  static final String TARGETS = "q,k,v,o,output";

  private LocalJobs() {
  }

  /** stories260K, or a skipped test when the shared folder is absent. */
  static Path model() {
    Path model = Path.of(System.getProperty("ragft.shared.dir", "../shared"), "models",
        "stories260K.gguf");
    assumeTrue(Files.isRegularFile(model),
        "skipped: " + model + " is absent (set -Dragft.shared.dir to the shared test folder)");
    return model;
  }

  /**
   * Writes eight conversations in which the assistant answers {@code {"ok": true}} after the
   * marker "JSON:".
   */
  static Path training(Path file) {
    String[] sentences = {"Lily was happy.", "Tom ran fast.", "The cat saw a bug.",
        "A big dog went home.", "The sun was sad.", "Mom found a toy.", "The bird ate a cake.",
        "Ben liked to play."};
    List<String> lines = new ArrayList<>();
    for (String sentence : sentences) {
      lines.add("{\"messages\": [{\"role\": \"user\", \"content\": \"JSON: " + sentence + "\"},"
          + " {\"role\": \"assistant\", \"content\": \"{\\\"ok\\\": true}\"}]}");
    }
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A sleeper for {@code watch}: instead of waiting a while, it waits until no job under the
   * registry root is being trained by this process any more, so the next poll sees the change.
   */
  static Sleeper untilIdle(Path registryRoot) {
    return duration -> {
      try (Stream<Path> jobs = Files.list(registryRoot)) {
        jobs.filter(Files::isDirectory).map(LocalJobFolder::new)
            .map(RunningTrainings::runningHere)
            .forEach(running -> running.ifPresent(CompletableFuture::join));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
