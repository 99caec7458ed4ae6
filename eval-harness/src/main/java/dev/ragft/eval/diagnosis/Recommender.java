package dev.ragft.eval.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the group shares into a {@link Recommendation}. Let {@code N} be the baseline's failures,
 * {@code k} the share of them that are knowledge or both, {@code b} the share that are behaviour
 * or both. The rules, in order:
 * <ol>
 *   <li>{@code no-baseline}: no case has a baseline result: insufficient evidence;
 *   <li>{@code no-failures}: {@code N = 0}: no fix needed;
 *   <li>the point estimates choose a leaning: {@code both-severe} ({@code k >= severe} and
 *       {@code b >= severe}: hybrid), else {@code mostly-knowledge} ({@code k > majority}: RAG),
 *       else {@code mostly-behaviour} ({@code b > majority}: fine-tuning), else
 *       {@code no-majority} (no clear fix);
 *   <li>{@code too-few-failures}: {@code N < minFailures}: insufficient evidence, with the leaning;
 *   <li>{@code interval}: the leaning's conditions must also hold at the far end of the Wilson
 *       intervals (lower ends for {@code >=} and {@code >}, upper ends for {@code <}); if not,
 *       insufficient evidence, with the leaning. A leaning of no clear fix stands as it is.
 * </ol>
 */
final class Recommender {

  private final DiagnosisConfig config;

  Recommender(DiagnosisConfig config) {
    this.config = config;
  }

  Recommendation recommend(Evidence evidence, List<String> missingRoles) {
    List<String> reasons = new ArrayList<>();
    if (evidence.complete() == 0) {
      return new Recommendation(RecommendationKind.INSUFFICIENT_EVIDENCE, Optional.empty(),
          "no-baseline", "Insufficient evidence: the run has no baseline results ("
              + config.baseline() + "), so no case can be diagnosed.", reasons);
    }
    int n = evidence.failures();
    if (n == 0) {
      return new Recommendation(RecommendationKind.NO_FIX_NEEDED, Optional.empty(), "no-failures",
          "No fix needed: the baseline passes all " + evidence.complete() + " cases.", reasons);
    }
    Share k = evidence.knowledgeWeight();
    Share b = evidence.behaviourWeight();
    Share u = evidence.groupShare(Group.UNEXPLAINED);
    reasons.add(describe("Knowledge failures (including those needing both)", k, n));
    reasons.add(describe("Behaviour failures (including those needing both)", b, n));
    reasons.add(describe("Unexplained failures", u, n));
    reasons.add(String.format(Locale.ROOT, "Thresholds: most means above %s, severe means at "
        + "least %s; a recommendation needs at least %d baseline failures.",
        Format.percent(config.majority()), Format.percent(config.severe()), config.minFailures()));
    if (!missingRoles.isEmpty()) {
      reasons.add("The run lacks the " + String.join(", ", missingRoles)
          + " setup(s); the rules treat them as not passing.");
    }
    RecommendationKind leaning;
    String rule;
    boolean supported;
    if (k.share() >= config.severe() && b.share() >= config.severe()) {
      leaning = RecommendationKind.HYBRID;
      rule = "both-severe";
      supported = k.low() >= config.severe() && b.low() >= config.severe();
    } else if (k.share() > config.majority()) {
      leaning = RecommendationKind.RAG;
      rule = "mostly-knowledge";
      supported = k.low() > config.majority() && b.high() < config.severe();
    } else if (b.share() > config.majority()) {
      leaning = RecommendationKind.FINE_TUNING;
      rule = "mostly-behaviour";
      supported = b.low() > config.majority() && k.high() < config.severe();
    } else {
      leaning = RecommendationKind.NO_CLEAR_FIX;
      rule = "no-majority";
      supported = true;
    }
    if (n < config.minFailures()) {
      return new Recommendation(RecommendationKind.INSUFFICIENT_EVIDENCE, Optional.of(leaning),
          "too-few-failures", String.format(Locale.ROOT, "Insufficient evidence: only %d baseline "
              + "failure%s (at least %d needed); the counts alone lean towards: %s.", n,
              n == 1 ? "" : "s", config.minFailures(), leaning.phrase()), reasons);
    }
    if (!supported) {
      return new Recommendation(RecommendationKind.INSUFFICIENT_EVIDENCE, Optional.of(leaning),
          "interval", "Insufficient evidence: the counts lean towards " + leaning.phrase()
              + " (rule " + rule + "), but the confidence intervals do not clear the thresholds.",
          reasons);
    }
    return new Recommendation(leaning, Optional.empty(), rule, headline(leaning, k, b, u, n,
        evidence), reasons);
  }

  private String headline(RecommendationKind kind, Share k, Share b, Share u, int n,
      Evidence evidence) {
    return switch (kind) {
      case RAG -> String.format(Locale.ROOT, "Start with RAG: %d of %d baseline failures (%s) are "
          + "knowledge failures that the right context fixes; behaviour failures are not severe "
          + "(%s).", k.count(), n, Format.percent(k.share()), Format.percent(b.share()));
      case FINE_TUNING -> String.format(Locale.ROOT, "Evaluate fine-tuning: %d of %d baseline "
          + "failures (%s) break format, voice or policy with the right context in view; knowledge "
          + "failures are not severe (%s).", b.count(), n, Format.percent(b.share()),
          Format.percent(k.share()));
      case HYBRID -> String.format(Locale.ROOT, "Combine retrieval and fine-tuning (hybrid): of %d "
          + "baseline failures, %s are knowledge failures and %s behaviour failures; both are "
          + "severe (%d need both at once).", n, Format.percent(k.share()),
          Format.percent(b.share()), evidence.count(Group.BOTH));
      case NO_CLEAR_FIX -> String.format(Locale.ROOT, "No single fix explains most failures: of %d"
          + " baseline failures, %s are knowledge, %s behaviour and %s unexplained; read the "
          + "unexplained cases.", n, Format.percent(k.share()), Format.percent(b.share()),
          Format.percent(u.share()));
      default -> throw new IllegalStateException("not a leaning: " + kind);
    };
  }

  private String describe(String what, Share share, int n) {
    return String.format(Locale.ROOT, "%s: %d of %d (%s, %.0f%% CI %s–%s).", what, share.count(), n,
        Format.percent(share.share()), config.confidence() * 100, Format.percent(share.low()),
        Format.percent(share.high()));
  }
}
