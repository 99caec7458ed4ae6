package dev.ragft.bench.synthetic;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed: the stream of (seed, purpose, index) is the
 * same on every run and machine, and does not depend on which other streams were drawn first, so
 * chunk {@code i} can be generated alone, in any order, on any thread.
 */
final class Seeds {

  /** The stream of a chunk's text. */
  static final long CHUNK_TEXT = 1;
  /** The stream of a chunk's vector. */
  static final long CHUNK_VECTOR = 2;
  /** The stream of a query's text. */
  static final long QUERY_TEXT = 3;
  /** The stream of a query's vector. */
  static final long QUERY_VECTOR = 4;
  /** The stream of the vector model (mean direction, cluster centres). */
  static final long MODEL = 5;

  private Seeds() {
  }

  /** A generator for (seed, purpose, index). */
  static SplittableRandom random(long seed, long purpose, long index) {
    return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * purpose) + index));
  }

  /** Stafford's variant 13 of the 64-bit finalizer: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
