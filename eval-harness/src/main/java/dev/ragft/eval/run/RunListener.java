package dev.ragft.eval.run;

import dev.ragft.eval.result.Sample;

/** Told of each sample as soon as the journal holds it, on the thread that made it. */
@FunctionalInterface
public interface RunListener {

  /** Listens to nothing. */
  RunListener NONE = (key, sample) -> { };

  /** Sample {@code key} is finished and on disk. */
  void sampleRecorded(SampleKey key, Sample sample);
}
