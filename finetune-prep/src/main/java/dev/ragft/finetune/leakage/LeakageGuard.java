package dev.ragft.finetune.leakage;

import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.hygiene.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds training examples whose prompt matches or closely overlaps an evaluation case's prompt.
 * A pair leaks when the normalised prompts are equal ({@link TextNormalizer#normalize}), or when
 * the Jaccard similarity of their word n-grams reaches {@code jaccard}, or when the fraction of
 * the case's n-grams that appear in the example's prompt (containment: the case quoted inside a
 * longer prompt) reaches {@code containment}. Candidate pairs come from an index of the cases'
 * n-grams, so the cost grows with the overlaps, not with examples × cases. Thread-safe.
 */
public final class LeakageGuard {

  /**
   * Settings.
   *
   * @param ngram words per n-gram
   * @param jaccard the Jaccard similarity that counts as leakage
   * @param containment the containment that counts as leakage
   */
  public record Config(int ngram, double jaccard, double containment) {

    /** Defaults: 3-word n-grams, Jaccard 0.5, containment 0.8. */
    public static final Config DEFAULT = new Config(3, 0.5, 0.8);

    /** Validates the components. */
    public Config {
      if (ngram <= 0) {
        throw new IllegalArgumentException("leakage n-gram size must be > 0, but is: " + ngram);
      }
      if (!(jaccard > 0 && jaccard <= 1) || !(containment > 0 && containment <= 1)) {
        throw new IllegalArgumentException("leakage thresholds must be in (0, 1], but are: "
            + jaccard + " and " + containment);
      }
    }
  }

  private final Config config;
  private final List<EvalCase> cases;
  private final Map<String, Integer> exact = new HashMap<>();
  private final List<Set<String>> caseGrams = new ArrayList<>();
  private final Map<String, List<Integer>> index = new HashMap<>();

  /** A guard over these evaluation cases. */
  public LeakageGuard(Config config, List<EvalCase> cases) {
    this.config = config;
    this.cases = List.copyOf(cases);
    for (int i = 0; i < this.cases.size(); i++) {
      String prompt = this.cases.get(i).prompt();
      exact.putIfAbsent(TextNormalizer.normalize(prompt), i);
      Set<String> grams = TextNormalizer.shingles(TextNormalizer.words(prompt), config.ngram());
      caseGrams.add(grams);
      for (String gram : grams) {
        index.computeIfAbsent(gram, k -> new ArrayList<>()).add(i);
      }
    }
  }

  /** Every leaking pair, in example order, then case order. */
  public List<LeakagePair> check(List<TrainingExample> examples) {
    List<LeakagePair> pairs = new ArrayList<>();
    for (TrainingExample example : examples) {
      String prompt = example.prompt();
      Integer same = exact.get(TextNormalizer.normalize(prompt));
      Set<String> grams = TextNormalizer.shingles(TextNormalizer.words(prompt), config.ngram());
      Set<Integer> candidates = new TreeSet<>();
      for (String gram : grams) {
        candidates.addAll(index.getOrDefault(gram, List.of()));
      }
      if (same != null) {
        candidates.add(same);
      }
      for (int c : candidates) {
        Set<String> caseSet = caseGrams.get(c);
        double jaccard = TextNormalizer.jaccard(grams, caseSet);
        double containment = caseSet.isEmpty() ? 0.0
            : (double) TextNormalizer.intersection(grams, caseSet) / caseSet.size();
        boolean isExact = same != null && TextNormalizer.normalize(cases.get(c).prompt())
            .equals(TextNormalizer.normalize(prompt));
        if (isExact || jaccard >= config.jaccard() || containment >= config.containment()) {
          pairs.add(new LeakagePair(example.id(), cases.get(c).id(), isExact, jaccard, containment));
        }
      }
    }
    return pairs;
  }
}
