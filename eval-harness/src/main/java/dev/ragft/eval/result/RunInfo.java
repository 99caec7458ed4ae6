package dev.ragft.eval.result;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run was: enough to reproduce it. No wall-clock time, so identical runs give identical
 * bytes.
 *
 * @param runId the run's id (a hash of its configuration, or a name given by the user)
 * @param dataset the case set (scenario name or file)
 * @param corpusVersion the corpus version retrieval used
 * @param seed the seed of every random choice
 * @param samples replies per (case, setup)
 * @param temperature the sampling temperature
 * @param notes free key/value notes (e.g. "smoke model: answers mean nothing")
 */
public record RunInfo(String runId, String dataset, String corpusVersion, long seed, int samples,
    double temperature, Map<String, String> notes) {

  /** Validates and copies the components. */
  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(corpusVersion, "corpusVersion");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, but is: " + samples);
    }
    notes = java.util.Collections.unmodifiableMap(new TreeMap<>(notes));
  }
}
