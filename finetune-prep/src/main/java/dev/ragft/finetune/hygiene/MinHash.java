package dev.ragft.finetune.hygiene;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets with {@code k} hash functions drawn from a seed, so the same
 * seed gives the same signatures on every run. Function {@code i} maps a shingle's 64-bit hash
 * {@code x} to {@code mix(a_i * x + b_i)} with {@code a_i} odd; the signature holds each
 * function's minimum. The fraction of equal positions in two signatures estimates the Jaccard
 * similarity of the sets. Thread-safe.
 */
public final class MinHash {

  private final long[] a;
  private final long[] b;

  /** Draws {@code k} hash functions from {@code seed}. */
  public MinHash(int k, long seed) {
    if (k <= 0) {
      throw new IllegalArgumentException("the number of hash functions must be > 0, but is: " + k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[k];
    b = new long[k];
    for (int i = 0; i < k; i++) {
      a[i] = random.nextLong() | 1L;
      b[i] = random.nextLong();
    }
  }

  /** The number of hash functions. */
  public int size() {
    return a.length;
  }

  /** The signature of a set of shingles; an empty set gives all {@link Long#MAX_VALUE}. */
  public long[] signature(Set<String> shingles) {
    long[] signature = new long[a.length];
    Arrays.fill(signature, Long.MAX_VALUE);
    for (String shingle : shingles) {
      long x = TextNormalizer.hash64(shingle);
      for (int i = 0; i < a.length; i++) {
        long h = mix(a[i] * x + b[i]);
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /** The fraction of positions where two signatures agree. */
  public static double estimate(long[] first, long[] second) {
    if (first.length != second.length) {
      throw new IllegalArgumentException("signatures differ in length: " + first.length + " vs " + second.length);
    }
    int same = 0;
    for (int i = 0; i < first.length; i++) {
      if (first[i] == second[i]) {
        same++;
      }
    }
    return (double) same / first.length;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
