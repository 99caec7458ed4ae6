package dev.ragft.bench.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.bench.support.BenchDirs;
import dev.ragft.common.Json;
import dev.ragft.common.RagftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The quality side of a benchmark row: metrics such as recall@10 against exact search, computed
 * once per configuration, outside any timed code, and written as one JSON file per row under
 * {@code <results>/quality/}, where the report joins them with JMH's timings by benchmark and
 * parameters. A row already written is not computed again (forks and reruns share it); with no
 * results folder configured nothing is computed.
 */
public final class QualityLedger {

  private QualityLedger() {
  }

  /**
   * Writes the row of one configuration unless it exists.
   *
   * @param benchmark the benchmark class's simple name
   * @param params the JMH parameters the metrics depend on
   * @param metrics computes the metrics (name to number)
   * @return the file written or found, if a results folder is configured
   */
  public static Optional<Path> record(String benchmark, Map<String, String> params,
      Supplier<Map<String, Object>> metrics) {
    Optional<Path> results = BenchDirs.results();
    if (results.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(record(results.get(), benchmark, params, metrics));
  }

  /** Writes the row under {@code results} unless it exists; see the method above. */
  public static Path record(Path results, String benchmark, Map<String, String> params,
      Supplier<Map<String, Object>> metrics) {
    Map<String, String> sorted = new TreeMap<>(params);
    String name = benchmark + sorted.entrySet().stream()
        .map(e -> "_" + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining()).replaceAll("[^A-Za-z0-9._=-]", "-") + ".json";
    Path file = results.resolve("quality").resolve(name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    QualityRow row = new QualityRow(benchmark, sorted, new TreeMap<>(metrics.get()));
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(name + ".tmp");
      Files.writeString(temp, Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(row) + "\n");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("quality row cannot be written as JSON: " + row, e);
    } catch (IOException e) {
      throw new RagftException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
