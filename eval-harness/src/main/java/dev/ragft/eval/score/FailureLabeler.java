package dev.ragft.eval.score;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.eval.result.Check;
import dev.ragft.eval.result.CheckKind;
import dev.ragft.eval.result.FailureLabel;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a reply's checks into its verdict, labelling a failure by the rules of
 * {@code docs/evaluation.md}:
 *
 * <ol>
 *   <li>Only gating checks count. None failed: a pass.
 *   <li>Knowledge checks ({@link CheckKind#knowledge()}) and behaviour checks both failed:
 *       {@link FailureLabel#KNOWLEDGE_AND_BEHAVIOUR}.
 *   <li>Only behaviour checks failed: {@link FailureLabel#BEHAVIOUR}.
 *   <li>Only knowledge checks failed, and the setup gives no context, or the case names no gold
 *       document: {@link FailureLabel#KNOWLEDGE}.
 *   <li>Only knowledge checks failed in a setup with context: the documents that matter are the
 *       documents named by the failed required facts when every failed check is such a fact,
 *       otherwise all the case's gold documents. One of them in the context:
 *       {@link FailureLabel#GROUNDING} (the model had the fact and did not use it); none:
 *       {@link FailureLabel#RETRIEVAL_MISS}.
 * </ol>
 */
public final class FailureLabeler {

  private static final int MAX_REASON = 400;

  private FailureLabeler() {
  }

  /** The verdict of a reply whose checks are {@code checks}. */
  public static Verdict verdict(Reply reply, List<Check> checks) {
    List<Check> failed = checks.stream().filter(c -> c.gating() && !c.passed()).toList();
    if (failed.isEmpty()) {
      return new Verdict.Pass();
    }
    return new Verdict.Fail(reason(failed), label(reply, failed));
  }

  private static FailureLabel label(Reply reply, List<Check> failed) {
    boolean knowledge = failed.stream().anyMatch(c -> c.kind().knowledge());
    boolean behaviour = failed.stream().anyMatch(c -> !c.kind().knowledge());
    if (knowledge && behaviour) {
      return FailureLabel.KNOWLEDGE_AND_BEHAVIOUR;
    }
    if (behaviour) {
      return FailureLabel.BEHAVIOUR;
    }
    Set<String> documents = documentsThatMatter(reply.failureCase(), failed);
    if (!reply.contextGiven() || documents.isEmpty()) {
      return FailureLabel.KNOWLEDGE;
    }
    for (Passage passage : reply.context()) {
      if (DocIds.matchesAny(passage.docId(), documents)) {
        return FailureLabel.GROUNDING;
      }
    }
    return FailureLabel.RETRIEVAL_MISS;
  }

  private static Set<String> documentsThatMatter(FailureCase failureCase, List<Check> failed) {
    Set<String> named = new LinkedHashSet<>();
    List<RequiredFact> facts = failureCase.requiredFacts();
    for (Check check : failed) {
      int index = factIndex(check);
      if (index < 0 || index >= facts.size() || facts.get(index).docId().isEmpty()) {
        return new LinkedHashSet<>(failureCase.goldDocIds());
      }
      named.add(facts.get(index).docId().get());
    }
    return named;
  }

  private static int factIndex(Check check) {
    if (check.kind() != CheckKind.REQUIRED_FACT || !check.name().matches("fact\\[\\d+]")) {
      return -1;
    }
    return Integer.parseInt(check.name().substring(5, check.name().length() - 1));
  }

  private static String reason(List<Check> failed) {
    List<String> parts = new ArrayList<>();
    for (Check check : failed) {
      parts.add(check.name() + ": " + check.detail());
    }
    String reason = String.join("; ", parts).replaceAll("\\s+", " ");
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
  }
}
