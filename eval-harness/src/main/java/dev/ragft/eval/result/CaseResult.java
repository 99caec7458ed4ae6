package dev.ragft.eval.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one setup did on one case.
 *
 * @param caseId the case
 * @param setupId the setup
 * @param context the passages the model was given (empty for setups without context)
 * @param retrieval retrieval scores against the gold documents, when the setup retrieves
 * @param samples the replies, at least one
 */
public record CaseResult(String caseId, String setupId, List<Passage> context,
    Optional<RetrievalScores> retrieval, List<Sample> samples) {

  /** Validates and copies the components. */
  public CaseResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(setupId, "setupId");
    context = List.copyOf(context);
    Objects.requireNonNull(retrieval, "retrieval");
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("result of case " + caseId + " in setup " + setupId
          + " needs at least one sample");
    }
  }

  /** Whether the first sample passed: the pass of record, comparable across runs. */
  public boolean passed() {
    return samples.get(0).verdict().passed();
  }

  /** Whether every sample passed (consistency at temperature above zero). */
  public boolean passedAll() {
    return samples.stream().allMatch(s -> s.verdict().passed());
  }

  /** The failure label of the first sample, when it failed. */
  public Optional<FailureLabel> label() {
    return samples.get(0).verdict() instanceof Verdict.Fail fail
        ? Optional.of(fail.label()) : Optional.empty();
  }
}
