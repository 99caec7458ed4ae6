package dev.ragft.eval.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision and why.
 *
 * @param kind what is recommended
 * @param leaning when the evidence is insufficient, what the point estimates alone would give
 * @param rule the name of the rule that decided (see {@code docs/evaluation-reports.md})
 * @param headline one sentence for a reader
 * @param reasons the sentences behind it, with numbers
 */
public record Recommendation(RecommendationKind kind, Optional<RecommendationKind> leaning,
    String rule, String headline, List<String> reasons) {

  /** Validates and copies the components. */
  public Recommendation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(leaning, "leaning");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(headline, "headline");
    reasons = List.copyOf(reasons);
  }
}
