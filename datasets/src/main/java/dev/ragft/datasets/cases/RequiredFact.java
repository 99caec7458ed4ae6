package dev.ragft.datasets.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * A fact a correct reply must state, optionally tied to the gold document that holds it (so a
 * failure can be told apart as "the document was retrieved but the fact not used").
 *
 * @param match how the fact is recognised in a reply
 * @param docId the gold document the fact comes from, if known; one of the case's gold documents
 */
public record RequiredFact(TextMatch match, Optional<String> docId) {

  /** Validates the components. */
  public RequiredFact {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(docId, "docId");
    docId.ifPresent(id -> {
      if (id.isBlank()) {
        throw new IllegalArgumentException("a required fact's document id must not be blank");
      }
    });
  }

  /** A fact recognised by the text it contains, tied to no document. */
  public static RequiredFact contains(String text) {
    return new RequiredFact(new TextMatch.Contains(text), Optional.empty());
  }
}
