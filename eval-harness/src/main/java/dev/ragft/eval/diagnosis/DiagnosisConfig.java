package dev.ragft.eval.diagnosis;

import java.util.Objects;

/**
 * Which setups play which part in the diagnosis, and the thresholds of its rules.
 *
 * @param baseline the setup without context or fine-tuning
 * @param rag the base model with retrieval
 * @param finetuned the fine-tuned model without context
 * @param hybrid the fine-tuned model with retrieval
 * @param oracle the base model given the gold passages
 * @param minFailures the fewest baseline failures a recommendation needs (default 6: fewer cannot
 *     make any exact paired test significant at 0.05)
 * @param majority a share above this is "most failures" (default 0.5)
 * @param severe a share at or above this is "severe" (default 1/3)
 * @param confidence the confidence level of the shares' Wilson intervals (default 0.95)
 */
public record DiagnosisConfig(String baseline, String rag, String finetuned, String hybrid,
    String oracle, int minFailures, double majority, double severe, double confidence) {

  /** The default setup ids and thresholds. */
  public static final DiagnosisConfig DEFAULT = new DiagnosisConfig("baseline", "rag", "finetuned",
      "hybrid", "oracle", 6, 0.5, 1.0 / 3, 0.95);

  /** Validates the components. */
  public DiagnosisConfig {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(rag, "rag");
    Objects.requireNonNull(finetuned, "finetuned");
    Objects.requireNonNull(hybrid, "hybrid");
    Objects.requireNonNull(oracle, "oracle");
    if (minFailures < 1) {
      throw new IllegalArgumentException("minFailures must be >= 1, but is: " + minFailures);
    }
    if (!(majority >= 0.5 && majority < 1)) {
      throw new IllegalArgumentException("majority must be in [0.5, 1), but is: " + majority);
    }
    if (!(severe > 0 && severe <= majority)) {
      throw new IllegalArgumentException("severe must be in (0, majority], but is: " + severe);
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), but is: " + confidence);
    }
  }
}
