package dev.ragft.bench.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where benchmarks keep their data, from system properties ({@code run.sh} sets them; JMH passes
 * the launching JVM's properties on to its forks).
 *
 * <ul>
 *   <li>{@value #DATA}: built indexes and caches, reused across forks and runs, keyed by what they
 *       hold (default: {@code ragft-bench} in the temp folder);
 *   <li>{@value #RESULTS}: where quality rows (recall@10 and the like) are written, or unset for
 *       none;
 *   <li>{@value #SCIFACT}: the BEIR SciFact folder (default: {@code datasets/scifact} under
 *       {@code ragft.shared.dir}, if that is set);
 *   <li>{@value #SHARED}: the shared test files, such as {@code models/stories260K.gguf}
 *       (default: the environment variable {@code RAGFT_SHARED}, else {@code ../shared} if it
 *       exists).
 * </ul>
 */
public final class BenchDirs {

  /** The property naming the data folder. */
  public static final String DATA = "ragft.bench.data";
  /** The property naming the results folder. */
  public static final String RESULTS = "ragft.bench.results";
  /** The property naming the SciFact folder. */
  public static final String SCIFACT = "ragft.bench.scifact";
  /** The property naming the folder of shared test files. */
  public static final String SHARED = "ragft.shared.dir";

  private BenchDirs() {
  }

  /** The folder of reusable benchmark data. */
  public static Path data() {
    String configured = System.getProperty(DATA);
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "ragft-bench");
  }

  /** The folder quality rows go to, if one is configured. */
  public static Optional<Path> results() {
    String configured = System.getProperty(RESULTS);
    return configured == null || configured.isBlank() ? Optional.empty()
        : Optional.of(Path.of(configured));
  }

  /** The SciFact folder, if one is configured. */
  public static Optional<Path> scifact() {
    String configured = System.getProperty(SCIFACT);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    String shared = System.getProperty(SHARED);
    return shared == null || shared.isBlank() ? Optional.empty()
        : Optional.of(Path.of(shared, "datasets", "scifact"));
  }

  /** The folder of shared test files, if one is configured or {@code ../shared} exists. */
  public static Optional<Path> shared() {
    String configured = System.getProperty(SHARED);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("RAGFT_SHARED");
    }
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    Path sibling = Path.of("..", "shared");
    return Files.isDirectory(sibling) ? Optional.of(sibling) : Optional.empty();
  }
}
