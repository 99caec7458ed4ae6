package dev.ragft.eval.gate;

import java.util.OptionalDouble;

/**
 * Named numbers a gate can test. Implementations are immutable; names are case-sensitive.
 */
public interface Metrics {

  /** The value of the metric called {@code name}, or empty when there is no such metric. */
  OptionalDouble value(String name);

  /** A sentence listing the metrics there are, for the error about an unknown one. */
  String known();
}
