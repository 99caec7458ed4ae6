package dev.ragft.datasets.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy a reply must follow.
 *
 * @param refusal whether the reply must decline the request, must not, or either
 * @param escalation whether the reply must hand the case to a human team, must not, or either
 * @param bannedPhrases phrases the reply must not contain, matched ignoring case and treating any
 *     run of whitespace as one space
 * @param refusalPattern how a refusal shows in a reply (found anywhere in it), for replies with a
 *     structured signal such as {@code "action": "refuse"}; empty: the harness's own detector
 * @param escalationPattern how an escalation shows in a reply, likewise
 */
public record PolicyChecks(Expectation refusal, Expectation escalation,
    List<String> bannedPhrases, Optional<Regex> refusalPattern,
    Optional<Regex> escalationPattern) {

  /** No policy checks. */
  public static final PolicyChecks NONE =
      new PolicyChecks(Expectation.UNCHECKED, Expectation.UNCHECKED, List.of());

  /** Validates the components and copies the list. */
  public PolicyChecks {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(refusalPattern, "refusalPattern");
    Objects.requireNonNull(escalationPattern, "escalationPattern");
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
    if (refusalPattern.isPresent() && refusal == Expectation.UNCHECKED) {
      throw new IllegalArgumentException("a refusal pattern is given but refusal is not checked");
    }
    if (escalationPattern.isPresent() && escalation == Expectation.UNCHECKED) {
      throw new IllegalArgumentException(
          "an escalation pattern is given but escalation is not checked");
    }
  }

  /** Policy checks that leave recognising refusals and escalations to the harness. */
  public PolicyChecks(Expectation refusal, Expectation escalation, List<String> bannedPhrases) {
    this(refusal, escalation, bannedPhrases, Optional.empty(), Optional.empty());
  }

  /** Whether nothing is checked. */
  public boolean isEmpty() {
    return refusal == Expectation.UNCHECKED && escalation == Expectation.UNCHECKED
        && bannedPhrases.isEmpty();
  }
}
