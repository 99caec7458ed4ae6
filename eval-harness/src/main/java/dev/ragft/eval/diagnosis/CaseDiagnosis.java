package dev.ragft.eval.diagnosis;

import dev.ragft.eval.result.FailureLabel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The diagnosis of one case.
 *
 * @param caseId the case
 * @param signature the outcome of every setup of the run, in display order
 * @param group the group the rules give it
 * @param inViewLabel the failure label of the setup that had the right context in view (the
 *     oracle, else RAG, else the baseline), when it failed
 * @param fixedBy the setups other than the baseline that pass it, in display order
 */
public record CaseDiagnosis(String caseId, List<Outcome> signature, Group group,
    Optional<FailureLabel> inViewLabel, List<String> fixedBy) {

  /** Validates and copies the components. */
  public CaseDiagnosis {
    Objects.requireNonNull(caseId, "caseId");
    signature = List.copyOf(signature);
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(inViewLabel, "inViewLabel");
    fixedBy = List.copyOf(fixedBy);
  }
}
