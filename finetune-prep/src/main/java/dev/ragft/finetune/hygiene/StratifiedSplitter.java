package dev.ragft.finetune.hygiene;

import dev.ragft.finetune.example.TrainingExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded train/validation split, stratified by label: within each label, examples are ordered
 * by a seeded hash of their id (ties by id) and the first {@code round(n × fraction)} go to
 * validation. The hash order keeps the split stable when examples are added or removed elsewhere,
 * which matters when a source is forgotten and the set rebuilt.
 */
public final class StratifiedSplitter {

  /**
   * The outcome.
   *
   * @param train the training examples, in input order
   * @param validation the validation examples, in input order
   * @param byLabel per label (sorted), the train and validation counts
   */
  public record Split(List<TrainingExample> train, List<TrainingExample> validation,
      Map<String, Counts> byLabel) {

    /** Copies the collections. */
    public Split {
      train = List.copyOf(train);
      validation = List.copyOf(validation);
      byLabel = Collections.unmodifiableMap(new TreeMap<>(byLabel));
    }
  }

  /**
   * Counts for one label.
   *
   * @param train examples in the training set
   * @param validation examples in the validation set
   */
  public record Counts(int train, int validation) {
  }

  private final double validationFraction;
  private final long seed;

  /** A splitter sending {@code validationFraction} (in [0, 1)) of each label to validation. */
  public StratifiedSplitter(double validationFraction, long seed) {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), but is: " + validationFraction);
    }
    this.validationFraction = validationFraction;
    this.seed = seed;
  }

  /** Splits {@code examples}. */
  public Split split(List<TrainingExample> examples) {
    Map<String, List<TrainingExample>> byLabel = new TreeMap<>();
    for (TrainingExample example : examples) {
      byLabel.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(example);
    }
    Set<String> validationIds = new HashSet<>();
    Map<String, Counts> counts = new TreeMap<>();
    for (Map.Entry<String, List<TrainingExample>> entry : byLabel.entrySet()) {
      List<TrainingExample> members = new ArrayList<>(entry.getValue());
      members.sort(Comparator.comparingLong((TrainingExample e) -> rank(e.id()))
          .thenComparing(TrainingExample::id));
      int take = (int) Math.round(members.size() * validationFraction);
      for (int i = 0; i < take; i++) {
        validationIds.add(members.get(i).id());
      }
      counts.put(entry.getKey(), new Counts(members.size() - take, take));
    }
    List<TrainingExample> train = new ArrayList<>();
    List<TrainingExample> validation = new ArrayList<>();
    for (TrainingExample example : examples) {
      (validationIds.contains(example.id()) ? validation : train).add(example);
    }
    return new Split(train, validation, counts);
  }

  private long rank(String id) {
    return TextNormalizer.hash64(seed + "\u0000" + id);
  }
}
