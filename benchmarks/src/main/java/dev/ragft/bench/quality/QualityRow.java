package dev.ragft.bench.quality;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The quality metrics of one benchmark configuration.
 *
 * @param benchmark the benchmark class's simple name, e.g. {@code DenseSearchBenchmark}
 * @param params the JMH parameters the metrics depend on (a subset of the row's parameters)
 * @param metrics metric name to value, e.g. {@code recall@10}
 */
public record QualityRow(String benchmark, Map<String, String> params,
    Map<String, Object> metrics) {

  /** Validates and copies the components, sorted by key. */
  public QualityRow {
    Objects.requireNonNull(benchmark, "benchmark");
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /** Whether every parameter of this row has the same value in {@code jmhParams}. */
  public boolean matches(String jmhBenchmark, Map<String, String> jmhParams) {
    return benchmark.equals(jmhBenchmark) && params.entrySet().stream()
        .allMatch(e -> e.getValue().equals(jmhParams.get(e.getKey())));
  }
}
