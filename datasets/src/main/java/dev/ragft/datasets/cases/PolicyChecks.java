package dev.ragft.datasets.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The policy a reply must follow.
 *
 * @param refusal whether the reply must decline the request, must not, or either
 * @param escalation whether the reply must hand the case to a human team, must not, or either
 * @param bannedPhrases phrases the reply must not contain, matched ignoring case and treating any
 *     run of whitespace as one space
 */
public record PolicyChecks(Expectation refusal, Expectation escalation,
    List<String> bannedPhrases) {

  /** No policy checks. */
  public static final PolicyChecks NONE =
      new PolicyChecks(Expectation.UNCHECKED, Expectation.UNCHECKED, List.of());

  /** Validates the components and copies the list. */
  public PolicyChecks {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(escalation, "escalation");
    bannedPhrases = List.copyOf(bannedPhrases);
    List<String> seen = new ArrayList<>();
    for (String phrase : bannedPhrases) {
      if (phrase.isBlank()) {
        throw new IllegalArgumentException("a banned phrase must not be blank");
      }
      String key = phrase.toLowerCase(Locale.ROOT);
      if (seen.contains(key)) {
        throw new IllegalArgumentException("banned phrase \"" + phrase + "\" is repeated");
      }
      seen.add(key);
    }
  }

  /** Whether nothing is checked. */
  public boolean isEmpty() {
    return refusal == Expectation.UNCHECKED && escalation == Expectation.UNCHECKED
        && bannedPhrases.isEmpty();
  }
}
