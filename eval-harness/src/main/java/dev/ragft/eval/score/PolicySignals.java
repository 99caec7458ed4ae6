package dev.ragft.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's own detectors of a refusal and of an escalation, used when a case gives no
 * {@code refusal_pattern} or {@code escalation_pattern}. A reply that is a JSON object with an
 * {@code "action"} field says it outright ({@code "refuse"}, {@code "escalate"}); otherwise a
 * refusal is a first-person declining phrase ("I can't help with…", "I'm unable to…", "that is
 * outside the scope…") and an escalation is a hand-over phrase ("escalate", "hand this over to",
 * "pass this to", "connect you with", "our billing team will", "a human"…). The phrases are
 * English and deliberately narrow: a case that needs certainty gives its own pattern.
 */
public final class PolicySignals {

  /** The phrases the default refusal detector looks for. */
  public static final Pattern REFUSAL = Pattern.compile("(?iu)\\b(?:"
      + "i(?:\\s+am|'m|’m)?\\s*(?:sorry|afraid),?\\s+but\\s+i\\s+"
      + "(?:can(?:not|'t|’t)|won'?t|am\\s+unable|am\\s+not\\s+able)"
      + "|i\\s+(?:can(?:not|'t|’t)|won'?t|am\\s+(?:not\\s+able|unable)|'m\\s+(?:not\\s+able|"
      + "unable)|’m\\s+(?:not\\s+able|unable))\\s+(?:to\\s+)?(?:help|assist|provide|share|"
      + "answer|comply|do\\s+that|give)"
      + "|(?:that|this|your\\s+request)\\s+is\\s+(?:outside|beyond|not\\s+within)\\s+"
      + "(?:the\\s+|my\\s+|our\\s+)?(?:scope|remit|what\\s+i\\s+can)"
      + "|i\\s+(?:must|have\\s+to)\\s+(?:decline|refuse))");

  /** The phrases the default escalation detector looks for. */
  public static final Pattern ESCALATION = Pattern.compile("(?iu)\\b(?:"
      + "escalat(?:e|ed|es|ing|ion)"
      + "|hand(?:ing|ed)?\\s+(?:this|it|you|your\\s+\\w+)\\s+(?:over\\s+)?to"
      + "|(?:pass|passing|passed|forward(?:ing|ed)?|transfer(?:ring|red)?|refer(?:ring|red)?)"
      + "\\s+(?:this|it|you|your\\s+\\w+)\\s+(?:on\\s+)?to"
      + "|connect(?:ing)?\\s+you\\s+(?:with|to)"
      + "|our\\s+(?:billing|security|privacy|technical|support|accounts?)\\s+team\\s+will"
      + "|a\\s+(?:human|person|specialist|colleague)\\b)");

  private PolicySignals() {
  }

  /** The evidence that the reply refuses, if it does. */
  public static Optional<String> refusal(String reply) {
    return signal(reply, "refuse", REFUSAL);
  }

  /** The evidence that the reply escalates, if it does. */
  public static Optional<String> escalation(String reply) {
    return signal(reply, "escalate", ESCALATION);
  }

  private static Optional<String> signal(String reply, String action, Pattern phrases) {
    Optional<JsonNode> json = FormatScorer.json(reply);
    if (json.isPresent() && json.get().isObject() && json.get().path("action").isTextual()) {
      String said = json.get().path("action").asText();
      return said.equals(action) ? Optional.of("\"action\": \"" + said + "\"") : Optional.empty();
    }
    Matcher matcher = phrases.matcher(reply);
    return matcher.find() ? Optional.of("\"" + matcher.group() + "\"") : Optional.empty();
  }
}
