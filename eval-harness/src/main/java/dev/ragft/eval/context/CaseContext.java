package dev.ragft.eval.context;

import dev.ragft.eval.result.Passage;
import dev.ragft.eval.result.RetrievalScores;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a setup gives the model for one case.
 *
 * @param passages the passages, numbered from 1 (empty without context, or when nothing was
 *     found)
 * @param retrieval retrieval scores against the case's gold documents, when the setup retrieves
 *     and the case has gold documents
 */
public record CaseContext(List<Passage> passages, Optional<RetrievalScores> retrieval) {

  /** No context. */
  public static final CaseContext NONE = new CaseContext(List.of(), Optional.empty());

  /** Validates and copies the components. */
  public CaseContext {
    passages = List.copyOf(passages);
    Objects.requireNonNull(retrieval, "retrieval");
  }
}
