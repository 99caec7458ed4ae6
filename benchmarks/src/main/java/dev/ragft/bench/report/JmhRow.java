package dev.ragft.bench.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One result of a JMH run: one benchmark method under one set of parameters.
 *
 * @param benchmark the benchmark class's simple name, e.g. {@code DenseSearchBenchmark}
 * @param method the benchmark method, e.g. {@code ragft}
 * @param mode JMH's mode: {@code sample} (sample time) or {@code ss} (single shot)
 * @param params the parameters, sorted by name
 * @param mean the mean time per operation
 * @param error the half-width of the 99.9% confidence interval of the mean (NaN when unknown)
 * @param p50 the median (sample mode; the mean otherwise)
 * @param p99 the 99th percentile (sample mode; the mean otherwise)
 * @param samples the number of operations measured
 * @param unit the time unit, e.g. {@code us/op}
 */
public record JmhRow(String benchmark, String method, String mode, Map<String, String> params,
    double mean, double error, double p50, double p99, long samples, String unit) {

  /** Validates and copies the components. */
  public JmhRow {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** A parameter's value, or the empty string when the benchmark has no such parameter. */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Converts a time in this row's unit to milliseconds. */
  public double millis(double value) {
    return switch (unit) {
      case "ns/op" -> value / 1e6;
      case "us/op" -> value / 1e3;
      case "ms/op" -> value;
      case "s/op" -> value * 1e3;
      default -> throw new IllegalStateException("unknown JMH time unit " + unit + " in "
          + benchmark + "." + method);
    };
  }
}
