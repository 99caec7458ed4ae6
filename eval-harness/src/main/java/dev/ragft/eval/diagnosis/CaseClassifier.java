package dev.ragft.eval.diagnosis;

import dev.ragft.eval.result.CaseResult;
import dev.ragft.eval.result.FailureLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts one case into a {@link Group} from its results in every setup. The rules are tried in
 * order and the first that holds decides:
 * <ol>
 *   <li>no baseline result: {@link Group#INCOMPLETE};
 *   <li>the baseline passes: {@link Group#PASSES};
 *   <li>RAG or the oracle passes: {@link Group#KNOWLEDGE} (the right context fixes it);
 *   <li>the hybrid passes while the fine-tuned model alone does not, or the in-view failure is
 *       labelled knowledge-and-behaviour: {@link Group#BOTH};
 *   <li>the in-view failure is labelled behaviour: {@link Group#BEHAVIOUR};
 *   <li>otherwise: {@link Group#UNEXPLAINED}.
 * </ol>
 * The in-view result is the oracle's when the run has one for the case, else RAG's, else the
 * baseline's: the one that saw the right context, or came closest. A setup missing from the run
 * counts as not passing.
 */
public final class CaseClassifier {

  private final DiagnosisConfig config;

  /** A classifier with the setup roles of {@code config}. */
  public CaseClassifier(DiagnosisConfig config) {
    this.config = config;
  }

  /**
   * Diagnoses a case.
   *
   * @param caseId the case
   * @param setupOrder every setup of the run, in display order
   * @param results the case's results by setup id
   */
  public CaseDiagnosis classify(String caseId, List<String> setupOrder,
      Map<String, CaseResult> results) {
    List<Outcome> signature = new ArrayList<>();
    List<String> fixedBy = new ArrayList<>();
    for (String setup : setupOrder) {
      CaseResult result = results.get(setup);
      signature.add(result == null ? Outcome.MISSING : result.passed() ? Outcome.PASS : Outcome.FAIL);
      if (result != null && result.passed() && !setup.equals(config.baseline())) {
        fixedBy.add(setup);
      }
    }
    CaseResult baseline = results.get(config.baseline());
    CaseResult inView = results.getOrDefault(config.oracle(),
        results.getOrDefault(config.rag(), baseline));
    Optional<FailureLabel> label = inView == null ? Optional.empty() : inView.label();
    return new CaseDiagnosis(caseId, signature, group(baseline, results, label), label, fixedBy);
  }

  private Group group(CaseResult baseline, Map<String, CaseResult> results,
      Optional<FailureLabel> label) {
    if (baseline == null) {
      return Group.INCOMPLETE;
    }
    if (baseline.passed()) {
      return Group.PASSES;
    }
    if (passes(results, config.rag()) || passes(results, config.oracle())) {
      return Group.KNOWLEDGE;
    }
    if ((passes(results, config.hybrid()) && !passes(results, config.finetuned()))
        || label.equals(Optional.of(FailureLabel.KNOWLEDGE_AND_BEHAVIOUR))) {
      return Group.BOTH;
    }
    if (label.equals(Optional.of(FailureLabel.BEHAVIOUR))) {
      return Group.BEHAVIOUR;
    }
    return Group.UNEXPLAINED;
  }

  private static boolean passes(Map<String, CaseResult> results, String setup) {
    CaseResult result = results.get(setup);
    return result != null && result.passed();
  }
}
