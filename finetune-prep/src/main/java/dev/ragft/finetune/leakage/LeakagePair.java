package dev.ragft.finetune.leakage;

import java.util.Locale;
import java.util.Objects;

/**
 * A training example that overlaps an evaluation case.
 *
 * @param exampleId the training example
 * @param caseId the evaluation case
 * @param exact whether the prompts are equal after normalisation
 * @param jaccard the word n-gram Jaccard similarity of the two prompts
 * @param containment the fraction of the case's n-grams found in the example's prompt
 */
public record LeakagePair(String exampleId, String caseId, boolean exact, double jaccard,
    double containment) {

  /** Validates the components. */
  public LeakagePair {
    Objects.requireNonNull(exampleId, "exampleId");
    Objects.requireNonNull(caseId, "caseId");
  }

  /** The larger of the two similarities (1 for exact). */
  public double similarity() {
    return exact ? 1.0 : Math.max(jaccard, containment);
  }

  /** The pair as one line: {@code ex-3 ~ case-7 (exact)} or with the similarities. */
  public String describe() {
    return exampleId + " ~ " + caseId + (exact ? " (exact)"
        : String.format(Locale.ROOT, " (jaccard %.3f, containment %.3f)", jaccard, containment));
  }
}
