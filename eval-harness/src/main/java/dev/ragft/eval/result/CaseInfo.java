package dev.ragft.eval.result;

import java.util.List;
import java.util.Objects;

/**
 * A case as a run records it, for reports that must stand alone.
 *
 * @param id the case id
 * @param category the case's category hint: knowledge, behaviour, hybrid or control
 * @param question the text of the last user turn
 * @param reference the reference answer, or empty
 * @param goldDocIds the gold documents
 */
public record CaseInfo(String id, String category, String question, String reference,
    List<String> goldDocIds) {

  /** Validates and copies the components. */
  public CaseInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reference, "reference");
    goldDocIds = List.copyOf(goldDocIds);
  }
}
