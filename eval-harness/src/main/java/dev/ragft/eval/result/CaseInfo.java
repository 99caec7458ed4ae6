package dev.ragft.eval.result;

import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.RequiredFact;
import dev.ragft.datasets.cases.TextMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A case as a run records it, for reports that must stand alone.
 *
 * @param id the case id
 * @param category the case's category hint: knowledge, behaviour, hybrid or control
 * @param question the text of the last user turn
 * @param reference the reference answer, or empty
 * @param goldDocIds the gold documents
 * @param factPatterns the required facts as Java regular expressions (see
 *     {@link #factPattern(TextMatch)}), so reports can mark where a passage or a reply states them;
 *     empty when unknown
 */
public record CaseInfo(String id, String category, String question, String reference,
    List<String> goldDocIds, List<String> factPatterns) {

  /** Validates and copies the components; absent fact patterns (older result files) are none. */
  public CaseInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reference, "reference");
    goldDocIds = List.copyOf(goldDocIds);
    factPatterns = factPatterns == null ? List.of() : List.copyOf(factPatterns);
  }

  /** A case without fact patterns. */
  public CaseInfo(String id, String category, String question, String reference,
      List<String> goldDocIds) {
    this(id, category, question, reference, goldDocIds, List.of());
  }

  /** The record of a failure case: its id, category, question, reference, gold and facts. */
  public static CaseInfo of(FailureCase failureCase) {
    List<String> patterns = new ArrayList<>();
    for (RequiredFact fact : failureCase.requiredFacts()) {
      patterns.add(factPattern(fact.match()));
    }
    return new CaseInfo(failureCase.id(), failureCase.category().wireName(),
        failureCase.questionText(), failureCase.referenceAnswer().orElse(""),
        failureCase.goldDocIds(), patterns);
  }

  /**
   * A regular expression that finds what {@code match} matches: a {@code contains} text becomes
   * its words, quoted, joined by any whitespace, case-insensitive; a pattern stays as written.
   */
  public static String factPattern(TextMatch match) {
    return switch (match) {
      case TextMatch.Matches m -> m.regex().source();
      case TextMatch.Contains c -> {
        List<String> words = new ArrayList<>();
        for (String word : c.text().strip().split("\\s+")) {
          words.add(Pattern.quote(word));
        }
        yield "(?iu)" + String.join("\\s+", words);
      }
    };
  }
}
