package dev.ragft.finetune.hygiene;

import dev.ragft.finetune.example.TrainingExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Removes exact and near-duplicate examples, keeping the first of each group in input order. An
 * example's text for this purpose is its prompt and target. Exact: equal after {@link
 * TextNormalizer#normalize}. Near: MinHash signatures put candidate pairs in the same bucket of at
 * least one band (locality-sensitive hashing), and a candidate counts when the exact Jaccard
 * similarity of the two shingle sets reaches the threshold; the example is then removed in favour
 * of the most similar kept one (ties: the earliest).
 */
public final class Deduplicator {

  /**
   * Settings.
   *
   * @param shingleSize words per shingle
   * @param hashes MinHash functions; a multiple of {@code bands}
   * @param bands LSH bands
   * @param threshold the Jaccard similarity at which two examples are near duplicates
   * @param seed the seed of the hash functions
   */
  public record Config(int shingleSize, int hashes, int bands, double threshold, long seed) {

    /** Defaults: 3-word shingles, 128 hashes in 32 bands, threshold 0.8, seed 0. */
    public static final Config DEFAULT = new Config(3, 128, 32, 0.8, 0);

    /** Validates the components. */
    public Config {
      if (shingleSize <= 0 || hashes <= 0 || bands <= 0 || hashes % bands != 0) {
        throw new IllegalArgumentException("dedupe needs shingle size, hashes and bands > 0 with "
            + "hashes a multiple of bands, but got " + shingleSize + ", " + hashes + ", " + bands);
      }
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("dedupe threshold must be in (0, 1], but is: " + threshold);
      }
    }
  }

  /** Why an example was removed. */
  public enum Reason {
    /** Equal to a kept example after normalisation. */
    EXACT,
    /** Jaccard similarity to a kept example at or above the threshold. */
    NEAR
  }

  /**
   * One removed example.
   *
   * @param removedId the example removed
   * @param keptId the example kept in its place
   * @param reason exact or near
   * @param similarity the Jaccard similarity of their shingles (1 for exact)
   */
  public record Removal(String removedId, String keptId, Reason reason, double similarity) {
  }

  /**
   * The outcome.
   *
   * @param kept the examples kept, in input order
   * @param removals the removals, in input order of the removed examples
   */
  public record Result(List<TrainingExample> kept, List<Removal> removals) {

    /** Copies the lists. */
    public Result {
      kept = List.copyOf(kept);
      removals = List.copyOf(removals);
    }
  }

  private final Config config;
  private final MinHash minHash;

  /** A deduplicator with these settings. */
  public Deduplicator(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.minHash = new MinHash(config.hashes(), config.seed());
  }

  /** Removes the duplicates of {@code examples}. */
  public Result deduplicate(List<TrainingExample> examples) {
    Map<String, String> exact = new HashMap<>();
    Map<BandKey, List<Integer>> buckets = new HashMap<>();
    List<Set<String>> keptShingles = new ArrayList<>();
    List<TrainingExample> kept = new ArrayList<>();
    List<Removal> removals = new ArrayList<>();
    int rows = config.hashes() / config.bands();
    for (TrainingExample example : examples) {
      String text = example.prompt() + "\n" + example.target();
      String key = TextNormalizer.normalize(text);
      String first = exact.get(key);
      if (first != null) {
        removals.add(new Removal(example.id(), first, Reason.EXACT, 1.0));
        continue;
      }
      Set<String> shingles = TextNormalizer.shingles(TextNormalizer.words(text), config.shingleSize());
      long[] signature = minHash.signature(shingles);
      List<BandKey> keys = new ArrayList<>(config.bands());
      int best = -1;
      double bestSimilarity = -1;
      for (int band = 0; band < config.bands(); band++) {
        BandKey bandKey = new BandKey(band,
            Arrays.hashCode(Arrays.copyOfRange(signature, band * rows, (band + 1) * rows)),
            Arrays.copyOfRange(signature, band * rows, (band + 1) * rows));
        keys.add(bandKey);
        for (int candidate : buckets.getOrDefault(bandKey, List.of())) {
          double similarity = TextNormalizer.jaccard(shingles, keptShingles.get(candidate));
          if (similarity > bestSimilarity || (similarity == bestSimilarity && candidate < best)) {
            best = candidate;
            bestSimilarity = similarity;
          }
        }
      }
      if (best >= 0 && bestSimilarity >= config.threshold()) {
        removals.add(new Removal(example.id(), kept.get(best).id(), Reason.NEAR, bestSimilarity));
        continue;
      }
      int index = kept.size();
      kept.add(example);
      keptShingles.add(shingles);
      exact.put(key, example.id());
      for (BandKey bandKey : keys) {
        buckets.computeIfAbsent(bandKey, k -> new ArrayList<>()).add(index);
      }
    }
    return new Result(kept, removals);
  }

  /** A band's slice of a signature, compared by value. */
  private record BandKey(int band, int hash, long[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof BandKey k && k.band == band && k.hash == hash
          && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * band + hash;
    }
  }
}
